using System.Globalization;
using System.Text;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.Nn.Hooks;

namespace Hwsim.Bridge.Training;

/// <summary>
/// The measured transfer curve of a device-level activation block (the BJT differential pair's tanh or sigmoid, the
/// precision rectifier's ReLU), for hardware-aware training at the device level: the block exactly as the compiler
/// builds it for a profile (signal scale, the activation supply's rails, the powered op-amp at the profile's corner,
/// the transistors at its temperature), characterised once by a DC sweep of its input over the TIAs' rails
/// (the range a crossbar's TIA can drive it to, <see cref="HardwareAwareHooks.Rails"/>), and interpolated by a monotone cubic (Fritsch-Carlson), so the
/// function and its derivative are continuous and the curve adds no wiggle the circuit does not have. Beyond the
/// swept range the curve holds its end values (derivative 0).
/// </summary>
public sealed class DeviceActivationCurve : IActivationFunction
{
    /// <summary>Spacing of the sweep, in signal units.</summary>
    public const double Step = 0.025;

    private readonly double _start;
    private readonly double[] _y;
    private readonly double[] _slope;

    private DeviceActivationCurve(ActivationKind kind, double start, double[] y, string netlist)
    {
        Kind = kind;
        _start = start;
        _y = y;
        _slope = MonotoneSlopes(y, Step);
        Netlist = netlist;
    }

    /// <summary>The activation this curve replaces.</summary>
    public ActivationKind Kind { get; }

    /// <summary>The characterisation netlist (ngspice runs it unchanged), for reproduction.</summary>
    public string Netlist { get; }

    /// <summary>Inputs of the sweep, in signal units.</summary>
    public IReadOnlyList<double> Inputs => Enumerable.Range(0, _y.Length).Select(InputAt).ToArray();

    /// <summary>Outputs of the sweep, in signal units.</summary>
    public IReadOnlyList<double> Outputs => _y;

    /// <summary>The largest |curve - ideal function| over the swept points.</summary>
    public double MaxDeviationFromIdeal => Enumerable.Range(0, _y.Length).Max(i => Math.Abs(_y[i] - Kind.Apply(InputAt(i))));

    /// <summary>Characterises the device-level block of <paramref name="kind"/> built for <paramref name="profile"/>.</summary>
    public static DeviceActivationCurve Measure(ActivationKind kind, MappingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var vs = profile.SignalVoltsPerUnit;
        var rails = HardwareAwareHooks.Rails(profile, FidelityLevel.Device);
        var start = Math.Floor(rails.Low);
        var stop = Math.Ceiling(rails.High);
        var netlist = CharacterisationNetlist(kind, profile, start, stop);
        var results = NetlistRun.RunAll(NetlistReader.Parse(netlist, $"device-{kind.ToString().ToLowerInvariant()}-curve.cir"));
        var y = results[0]["v(y)"].Real.Select(v => v / vs).ToArray();
        var expected = (int)Math.Round((stop - start) / Step) + 1;
        if (y.Length != expected) throw new InvalidOperationException($"device {kind} curve: the sweep gave {y.Length} points, expected {expected}");
        return new DeviceActivationCurve(kind, start, y, netlist);
    }

    /// <summary>
    /// The bench: the activation supply's sources, the block as the compiler defines it, a swept source on its input
    /// and nothing on its output (in a network it drives row drivers and multipliers, whose inputs draw no current).
    /// </summary>
    public static string CharacterisationNetlist(ActivationKind kind, MappingProfile profile, double start, double stop)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var supply = profile.Supplies.Activation;
        var block = Activation.Create($"act_{kind.ToString().ToLowerInvariant()}", kind, FidelityLevel.Device, profile.Scale,
            profile.Amplifier.NegativeRail, profile.Amplifier.PositiveRail, profile.Amplifier, supply);
        string N(double x) => SubcircuitText.Num(x);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"device-level {kind} activation: transfer curve for hardware-aware training\n");
        sb.Append(CultureInfo.InvariantCulture, $"* input x in signal units (v(x) / {N(profile.SignalVoltsPerUnit)} V) over the amplifier rails; output v(y) / Vs\n");
        sb.Append(block.ToDefinitions());
        foreach (var (name, node, volts) in supply.Sources()) sb.Append(CultureInfo.InvariantCulture, $"{name} {node} 0 dc {N(volts)}\n");
        sb.Append("vx x 0 dc 0\n");
        sb.Append(CultureInfo.InvariantCulture, $"x1 x y {string.Join(' ', supply.Nodes)} {block.Name}\n");
        if (profile.Temperature != MappingProfile.NominalTemperature) sb.Append(CultureInfo.InvariantCulture, $".temp {profile.Temperature:R}\n");
        // Tight Newton tolerances: the curve is the block's, not one linearisation away from it (as the block benches).
        sb.Append(".options reltol=1e-9 vntol=1e-12\n");
        var vs = profile.SignalVoltsPerUnit;
        sb.Append(CultureInfo.InvariantCulture, $".dc vx {N(start * vs)} {N(stop * vs)} {N(Step * vs)}\n.print dc v(y)\n.end\n");
        return ProcessCorners.WithTransistorsAt(sb.ToString(), profile.Corner);
    }

    private double InputAt(int i) => _start + i * Step;

    /// <inheritdoc/>
    public double Value(double x)
    {
        var (k, t) = Locate(x);
        if (k < 0) return x < _start ? _y[0] : _y[^1];
        var h = Step;
        var (y0, y1, m0, m1) = (_y[k], _y[k + 1], _slope[k], _slope[k + 1]);
        var t2 = t * t;
        var t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * h * m0 + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * h * m1;
    }

    /// <inheritdoc/>
    public double Derivative(double x)
    {
        var (k, t) = Locate(x);
        if (k < 0) return 0;
        var h = Step;
        var (y0, y1, m0, m1) = (_y[k], _y[k + 1], _slope[k], _slope[k + 1]);
        var t2 = t * t;
        return ((6 * t2 - 6 * t) * y0 + (-6 * t2 + 6 * t) * y1) / h + (3 * t2 - 4 * t + 1) * m0 + (3 * t2 - 2 * t) * m1;
    }

    /// <summary>The interval k (x in [x_k, x_k+1]) and the position t in it, or k = -1 outside the sweep.</summary>
    private (int K, double T) Locate(double x)
    {
        var u = (x - _start) / Step;
        if (!(u >= 0) || u > _y.Length - 1) return (-1, 0);
        var k = Math.Min((int)u, _y.Length - 2);
        return (k, u - k);
    }

    /// <summary>Fritsch-Carlson slopes: secant averages, zero at a change of direction, limited so each piece is monotone.</summary>
    private static double[] MonotoneSlopes(double[] y, double h)
    {
        var n = y.Length;
        var secant = new double[n - 1];
        for (var i = 0; i < n - 1; i++) secant[i] = (y[i + 1] - y[i]) / h;
        var m = new double[n];
        m[0] = secant[0];
        m[n - 1] = secant[n - 2];
        for (var i = 1; i < n - 1; i++)
            m[i] = secant[i - 1] * secant[i] <= 0 ? 0 : (secant[i - 1] + secant[i]) / 2;
        for (var i = 0; i < n - 1; i++)
        {
            if (secant[i] == 0)
            {
                m[i] = 0;
                m[i + 1] = 0;
                continue;
            }
            var a = m[i] / secant[i];
            var b = m[i + 1] / secant[i];
            var r = a * a + b * b;
            if (r > 9)
            {
                var tau = 3 / Math.Sqrt(r);
                m[i] = tau * a * secant[i];
                m[i + 1] = tau * b * secant[i];
            }
        }
        return m;
    }
}
