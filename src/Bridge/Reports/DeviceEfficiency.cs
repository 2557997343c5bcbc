using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Compiler;

namespace Hwsim.Bridge.Reports;

/// <summary>
/// The device level's energy set beside digital hardware: the multiply-accumulates of one inference, what they cost
/// at published 45 nm digital figures, and the circuit's efficiency in TOPS/W (2 operations per multiply-accumulate).
/// </summary>
public sealed record DeviceEfficiency(long MacsPerInference, double CircuitEnergy, double Float32Energy, double Int8Energy)
{
    /// <summary>Horowitz, ISSCC 2014, 45 nm: 32-bit float multiply 3.7 pJ + add 0.9 pJ (J per MAC).</summary>
    public const double Float32MacJoules = (3.7 + 0.9) * 1e-12;
    /// <summary>Horowitz, ISSCC 2014, 45 nm: 8-bit integer multiply 0.2 pJ + add 0.03 pJ (J per MAC).</summary>
    public const double Int8MacJoules = (0.2 + 0.03) * 1e-12;
    public const string DigitalSource = "M. Horowitz, \"Computing's energy problem (and what we can do about it)\", ISSCC 2014, 45 nm figures";
    /// <summary>Published LSTM hardware, as the issue cites them.</summary>
    public const string PublishedAnalog = "Ambrogio et al., Nature 2023 (phase-change analog chip): up to 12.4 TOPS/W";
    public const string PublishedDigital = "digital LSTM chips: 1.1 - 8.9 TOPS/W, as tabulated by Yang et al., Nature Communications 2025";

    /// <summary>The circuit's operations per second per watt, in TOPS/W: 2 MACs per inference over its energy.</summary>
    public double TopsPerWatt => CircuitEnergy > 0 ? 2.0 * MacsPerInference / CircuitEnergy / 1e12 : double.NaN;

    /// <summary>The efficiency of a device-level result, or null at the other levels.</summary>
    public static DeviceEfficiency? Of(ComparisonResult r)
    {
        if (r.Timing is not { } timing) return null;
        long perPoint = 0;
        foreach (var xb in r.Network.Crossbars)
        {
            // one crossbar per dense layer; a convolution's crossbar is instanced at every output position
            var outputs = r.Network.Signals.Count(s => s.Layer == xb.Layer && s.Kind is SignalKind.PreActivation or SignalKind.GatePreActivation);
            perPoint += (long)Math.Max(outputs, xb.Crossbar.Outputs) * xb.Crossbar.Inputs;
        }
        // an LSTM step also multiplies f*c, i*g and o*tanh(c) for every unit
        perPoint += 3L * r.Network.Signals.Count(s => s.Kind == SignalKind.CellState);
        var macs = perPoint * (timing.SequencePerInference ? r.Software.Points : 1);
        return new DeviceEfficiency(macs, timing.EnergyPerInference, macs * Float32MacJoules, macs * Int8MacJoules);
    }
}
