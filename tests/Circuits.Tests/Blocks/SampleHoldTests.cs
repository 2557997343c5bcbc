using System.Text;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Tests.Blocks;

/// <summary>The sample-and-hold in clocked transients: it tracks its input, holds it, and droops in proportion to the hold time.</summary>
public sealed class SampleHoldTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static AnalysisResult Run(FidelityLevel level, TwoPhaseClock clock, string input, int periods)
    {
        var sh = SampleHold.Create("sh", level);
        var clk = clock.ToSubcircuit("clk");
        var sb = new StringBuilder("sample-and-hold transient\n");
        sb.Append(sh.ToDefinitions()).Append(clk.ToDefinitions());
        sb.Append($"vx x 0 {input}\n");
        sb.Append("xclk phi1 phi2 clk\n");
        sb.Append("x1 x y phi1 phi2 sh\n");
        sb.Append($".tran {SubcircuitText.Num(clock.Period / 200)} {SubcircuitText.Num(periods * clock.Period)} 0 {SubcircuitText.Num(clock.Period / 50)}\n.end\n");
        return NetlistRun.RunAll(NetlistReader.Parse(sb.ToString(), "sh.cir"))[0];
    }

    private static double At(AnalysisResult r, string vector, double time) => BlockBenches.Interpolate(r["time"].Real, r[vector].Real, time);

    [Theory]
    [InlineData(FidelityLevel.Ideal, 1e-3)]
    [InlineData(FidelityLevel.Macro, 2e-3)]
    [InlineData(FidelityLevel.Device, 5e-3)]
    public void When_SineSampled_Expect_HeldValueAtEndOfHoldWithinStatedErrorOfTheSample(FidelityLevel level, double bound)
    {
        // 1 kHz, 1.5 V: 50 samples per period; the sample is taken at the middle of phi1's falling edge
        var clock = BlockCatalog.SampleHoldClock;
        var r = Run(level, clock, "dc 0 sin(0 1.5 1k)", 26);
        var worst = 0.0;
        for (var k = 0; k < 24; k++)
        {
            var sampled = At(r, "v(x)", clock.Phase1End(k) - clock.Edge / 2);
            var held = At(r, "v(y)", clock.Phase2Start(k + 1));
            worst = Math.Max(worst, Math.Abs(held - sampled));
            // between the two instants the output really holds: it is not the input of that moment
            if (k is > 2 and < 10) Assert.True(Math.Abs(held - At(r, "v(x)", clock.Phase2Start(k + 1))) > 10 * bound);
        }
        output.WriteLine($"{level.Name()}: largest |held - sampled| {worst:G4} (bound {bound})");
        Assert.True(worst <= bound, $"{level.Name()}: held value off by {worst:G4}");
    }

    [Theory]
    [InlineData(FidelityLevel.Macro)]
    [InlineData(FidelityLevel.Device)]
    public void When_HoldTimeDoubles_Expect_DroopDoublesAsLeakageOverCapacitanceSays(FidelityLevel level)
    {
        var options = new SampleHoldOptions();
        double Droop(double period)
        {
            var clock = new TwoPhaseClock(period);
            var r = Run(level, clock, "dc 1.5", 3);
            // the output stage holds from the end of phi2 of period 1 to the start of phi2 of period 2
            var start = At(r, "v(y)", clock.Phase2End(1) + clock.Edge);
            var end = At(r, "v(y)", clock.Phase2Start(2));
            var expected = 1.5 * (clock.Phase2Start(2) - clock.Phase2End(1) - clock.Edge) / (options.LeakResistance * options.HoldCapacitance);
            output.WriteLine($"{level.Name()} T = {period:G3} s: droop {start - end:G4} V, leakage predicts {expected:G4} V");
            Assert.InRange(start - end, 0.9 * expected, 1.1 * expected);
            return start - end;
        }
        var shortHold = Droop(200e-6);
        var longHold = Droop(400e-6);

        Assert.InRange(longHold / shortHold, 1.9, 2.1);
    }
}
