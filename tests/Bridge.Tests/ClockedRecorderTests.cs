using Hwsim.Bridge.Evaluation;

namespace Hwsim.Bridge.Tests;

/// <summary>The clocked transient's bookkeeping against closed forms, on circuits small enough to know exactly.</summary>
public class ClockedRecorderTests
{
    /// <summary>
    /// A source stepping 0 -> 1 V in 1 ns charges 1 nF through 1 k (RC = 1 us, 10 us period): it delivers C V^2 = 1 nJ,
    /// half of it stored in the capacitor and half dissipated in the resistor (the ramp makes the loss 0.05 % smaller).
    /// </summary>
    [Fact]
    public void When_RcChargedByStep_Expect_SourceEnergyCV2_HalfStoredHalfDissipated()
    {
        const string netlist = "rc step\nv1 in 0 pwl(0 0 1e-9 1)\nr1 in out 1k\nc1 out 0 1n\n.tran 1e-8 1e-5 0 1e-8\n.end\n";
        var schedule = new ClockSchedule(10e-6, 1, clocked: false);
        var names = new[] { "i(v1)", "v(in)", "v(out)" };
        var recorder = new ClockedRecorder(schedule, signals: new[] { 2 }, voltsPerUnit: 1,
            supplies: new[] { new ClockedRecorder.SupplyChannel(0, 1, 0) }, kinds: 1, settle: Array.Empty<int>(),
            settleToleranceVolts: Array.Empty<double>(), wave: Array.Empty<int>(), wavePeriods: 0);
        ClockedEvaluator.RunOurs("rc.cir", netlist, names, recorder);
        recorder.Finish();

        const double c = 1e-9;
        var delivered = recorder.Energy[0, 0];
        var vEnd = recorder.Values[0][0];
        var stored = 0.5 * c * vEnd * vEnd;
        Assert.InRange(vEnd, 1 - 1e-4, 1);                         // 10 RC: charged to within e^-10
        Assert.InRange(delivered, c * (1 - 2e-3), c * (1 + 2e-3));  // C V^2
        Assert.InRange(stored, 0.5 * c * (1 - 2e-3), 0.5 * c);
        var dissipated = delivered - stored;
        Assert.InRange(dissipated, 0.5 * c * (1 - 4e-3), 0.5 * c * (1 + 4e-3));
    }

    /// <summary>
    /// A first-order RC (tau = T/10) whose input moves from 0 to 1 V at the start of the second period, over the
    /// schedule's input edge e = T/100: after the edge the output is 1 - (tau/e)(e^(e/tau) - 1) e^(-(t - t0)/tau), so it
    /// stays within 0.1 % of its value at the read time from t0 + tau ln(A / (1e-3 + A e^(-T/tau))) on,
    /// A = (tau/e)(e^(e/tau) - 1).
    /// </summary>
    [Fact]
    public void When_FirstOrderRcStepped_Expect_SettlingTimeOfTheClosedForm()
    {
        const double period = 10e-6, tau = period / 10;
        var schedule = new ClockSchedule(period, 2, clocked: false);
        var e = schedule.InputEdge;
        var netlist = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"rc settle\nv1 in 0 pwl(0 0 {period} 0 {period + e} 1 {2 * period} 1)\nr1 in out 1k\nc1 out 0 {tau / 1e3}\n.tran {period / 100} {2 * period} 0 {schedule.MaxStep}\n.end\n");
        var recorder = new ClockedRecorder(schedule, signals: new[] { 0 }, voltsPerUnit: 1, supplies: Array.Empty<ClockedRecorder.SupplyChannel>(),
            kinds: 0, settle: new[] { 0 }, settleToleranceVolts: new[] { 1e-3 }, wave: Array.Empty<int>(), wavePeriods: 0);
        ClockedEvaluator.RunOurs("rc.cir", netlist, new[] { "v(out)" }, recorder);
        recorder.Finish();

        // off the value at the read time (t0 + T) by A e^(-(t - t0)/tau) - A e^(-T/tau), A = (tau/e)(e^(e/tau) - 1)
        var a = tau / e * (Math.Exp(e / tau) - 1);
        var expected = tau * Math.Log(a / (1e-3 + a * Math.Exp(-period / tau)));
        Assert.Equal(0, recorder.Settling[0]);   // the first period starts settled (its operating point)
        Assert.InRange(recorder.Settling[1], expected * 0.98, expected * 1.05);
    }
}
