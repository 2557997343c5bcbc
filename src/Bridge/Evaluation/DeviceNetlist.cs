using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;

namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// The device level's clocked transient of a comparison case as one netlist file for <c>hwsim netlist</c>: the first
/// test sequence (sequence models) or the first <see cref="FeedForwardSamples"/> samples, at the given period or at
/// the one the comparison would choose, with a <c>.control</c> block that runs it and writes the signals.
/// </summary>
public static class DeviceNetlist
{
    /// <summary>Samples of a feed-forward network in the exported transient.</summary>
    public const int FeedForwardSamples = 8;

    public static (string Text, double Period, int Points) Export(ComparisonCase c, CompiledNetwork network, double? period, string controlOutput)
    {
        var rows = network.IsSequenceModel ? c.Inputs.ToList() : c.Inputs.Take(FeedForwardSamples).ToList();
        var software = SoftwareTracer.Trace(c.Model, network, rows);
        var ranges = Enumerable.Range(0, network.Signals.Count).Select(s => software.Series(s).Max() - software.Series(s).Min()).ToList();
        var settling = ClockCalibration.MeasureSettling(network, rows, ranges, ClockedEngine.Hwsim);
        if (period is { } given) ClockCalibration.Check(network, given, settling);
        var t = period ?? ClockCalibration.PeriodFor(network, settling);
        var text = ClockedTransient.Netlist(network, rows, new ClockSchedule(t, rows.Count, network.NeedsClock), controlOutput);
        return (text, t, rows.Count);
    }
}
