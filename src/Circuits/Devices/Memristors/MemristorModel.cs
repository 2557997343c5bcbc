using System.Globalization;
using System.Text;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Devices;

/// <summary>How the memristor's state moves.</summary>
public enum MemristorDynamics
{
    /// <summary>HP linear ion drift (Strukov et al. 2008): dx/dt = mu_v Ron / D^2 * i * window.</summary>
    LinearIonDrift,
    /// <summary>
    /// VTEAM-style voltage threshold model (Kvatinsky et al. 2015): no drift between the thresholds,
    /// dx/dt = k * (v / vth - 1)^a * window beyond them; reading below the thresholds leaves the weight alone.
    /// </summary>
    Threshold,
}

/// <summary>The window that stops the state at its bounds.</summary>
public enum MemristorWindow
{
    /// <summary>Joglekar: f(x) = 1 - (2x - 1)^(2p).</summary>
    Joglekar,
    /// <summary>Biolek: f(x, i) = 1 - (x - u(-i))^(2p), which lets the state leave a bound it has reached.</summary>
    Biolek,
}

/// <summary>
/// A memristor for crossbar weights, as a sub-circuit of behavioural sources and a state capacitor that ngspice runs
/// unchanged. The state x in [0, 1] lives on the internal node <c>x</c> (a 1 F capacitor); the port is a resistor
/// R(x) = Ron x + Roff (1 - x), so x = 1 is the on (high-conductance) state. In the operating point the state does not
/// move (the drift is gated by <c>time &gt; 0</c>) and a 1 G resistor to the initial state <c>x0</c> fixes it; the
/// leak's time constant is 1e9 s.
/// <para>
/// The defaults sit in the conductance window of neural crossbars (Li et al. 2019, 1T1R arrays): 1 uS (Roff = 1 M)
/// to 100 uS (Ron = 10 k), on/off ratio 100, not the textbook 100 ohm to 16 k.
/// </para>
/// <code>
/// var m = new MemristorModel();                 // HP drift, Biolek window
/// circuit.Add(...m.Instance("x1", "row", "col", initialState: m.StateForConductance(20e-6)));
/// File.WriteAllText("memristor.inc", m.ToSubcircuit());
/// </code>
/// </summary>
public sealed record MemristorModel
{
    /// <summary>The sub-circuit's name.</summary>
    public string Name { get; init; } = "memristor";
    public MemristorDynamics Dynamics { get; init; } = MemristorDynamics.LinearIonDrift;
    public MemristorWindow Window { get; init; } = MemristorWindow.Biolek;
    /// <summary>On (low) resistance (ohm): the largest conductance is 1/Ron.</summary>
    public double Ron { get; init; } = 10e3;
    /// <summary>Off (high) resistance (ohm): the smallest conductance is 1/Roff.</summary>
    public double Roff { get; init; } = 1e6;
    /// <summary>Default initial state x0 in [0, 1].</summary>
    public double InitialState { get; init; } = 0.5;
    /// <summary>Window exponent p (a positive integer).</summary>
    public int WindowExponent { get; init; } = 1;
    /// <summary>Dopant mobility mu_v (m^2/(V s)), linear ion drift.</summary>
    public double Mobility { get; init; } = 1e-13;
    /// <summary>Film thickness D (m), linear ion drift.</summary>
    public double Thickness { get; init; } = 10e-9;
    /// <summary>Set threshold (V, positive): above it the state moves towards on.</summary>
    public double SetThreshold { get; init; } = 0.8;
    /// <summary>Reset threshold (V, negative): below it the state moves towards off.</summary>
    public double ResetThreshold { get; init; } = -0.8;
    /// <summary>Set rate k_set (1/s) of the threshold model.</summary>
    public double SetRate { get; init; } = 50;
    /// <summary>Reset rate k_reset (1/s) of the threshold model.</summary>
    public double ResetRate { get; init; } = 50;
    /// <summary>Exponent a of the threshold model's rate.</summary>
    public double ThresholdExponent { get; init; } = 2;

    /// <summary>The drift coefficient mu_v Ron / D^2 of the linear ion drift (1/(A s)).</summary>
    public double DriftCoefficient => Mobility * Ron / (Thickness * Thickness);

    /// <summary>Smallest and largest conductance (S).</summary>
    public double MinimumConductance => 1 / Roff;
    public double MaximumConductance => 1 / Ron;

    /// <summary>The port conductance at state x.</summary>
    public double ConductanceAt(double state) => 1 / (Ron * state + Roff * (1 - state));

    /// <summary>The state whose conductance is <paramref name="conductance"/> (clamped to [0, 1]).</summary>
    public double StateForConductance(double conductance)
    {
        if (conductance <= 0) throw new ArgumentOutOfRangeException(nameof(conductance), "a conductance must be positive");
        return Math.Clamp((1 / conductance - Roff) / (Ron - Roff), 0, 1);
    }

    internal void Validate()
    {
        if (!(Ron > 0) || !(Roff > Ron)) throw new ArgumentException($"memristor {Name}: need 0 < Ron < Roff (Ron = {Ron}, Roff = {Roff})");
        if (InitialState is < 0 or > 1) throw new ArgumentException($"memristor {Name}: the initial state must be in [0, 1]");
        if (WindowExponent < 1) throw new ArgumentException($"memristor {Name}: the window exponent must be a positive integer");
        if (Dynamics == MemristorDynamics.LinearIonDrift && !(Thickness > 0 && double.IsFinite(DriftCoefficient)))
            throw new ArgumentException($"memristor {Name}: the film thickness must be positive");
        if (Dynamics == MemristorDynamics.Threshold && !(SetThreshold > 0 && ResetThreshold < 0))
            throw new ArgumentException($"memristor {Name}: the set threshold must be positive and the reset threshold negative");
    }

    private static string N(double x) => NetlistNumber.Format(x);

    /// <summary>The port current expression (node names p, n, x).</summary>
    internal string PortCurrent => $"v(p, n) / ({N(Ron)} * v(x) + {N(Roff)} * (1 - v(x)))";

    private string WindowExpression(string drive) => Window switch
    {
        // the B-source power is |a|^b, so the even exponent 2p gives the intended value for either sign
        MemristorWindow.Joglekar => $"(1 - (2 * v(x) - 1) ^ {2 * WindowExponent})",
        _ => $"(1 - (v(x) - u(-({drive}))) ^ {2 * WindowExponent})",
    };

    /// <summary>The state-rate expression dx/dt (node names p, n, x), gated off in the operating point.</summary>
    internal string StateRate => Dynamics switch
    {
        MemristorDynamics.LinearIonDrift =>
            $"time > 0 ? {N(DriftCoefficient)} * {PortCurrent} * {WindowExpression("v(p, n)")} : 0",
        _ =>
            $"time > 0 ? (v(p, n) > {N(SetThreshold)} ? {N(SetRate)} * (v(p, n) / {N(SetThreshold)} - 1) ^ {N(ThresholdExponent)} * {WindowExpression("v(p, n)")}"
            + $" : (v(p, n) < {N(ResetThreshold)} ? -{N(ResetRate)} * (v(p, n) / {N(ResetThreshold)} - 1) ^ {N(ThresholdExponent)} * {WindowExpression("v(p, n)")} : 0)) : 0",
    };

    /// <summary>
    /// The <c>.subckt NAME p n params: x0=...</c> text (ngspice reads it unchanged). Its header carries the model's
    /// parameters in a comment (<see cref="ParameterComment"/>): hwsim's netlist reader regenerates this text from
    /// them and, where it matches character for character, runs each instance as the native <see cref="Memristor"/>.
    /// </summary>
    public string ToSubcircuit()
    {
        Validate();
        var s = new StringBuilder();
        s.Append("* ").Append(Dynamics == MemristorDynamics.LinearIonDrift ? "HP linear ion drift" : "VTEAM-style threshold")
            .Append(" memristor, ").Append(Window).Append(" window (p = ").Append(WindowExponent.ToString(CultureInfo.InvariantCulture))
            .Append("), R(x) = Ron x + Roff (1 - x), Ron = ").Append(N(Ron)).Append(", Roff = ").Append(N(Roff)).Append('\n');
        s.Append("* state x on node x (1 F): C dx/dt = rate; the drift is off in the operating point (time = 0)\n");
        s.Append("* hwsim runs each instance as its native memristor (the same equations, the state advanced once per accepted time\n");
        s.Append("* point, constant matrix stamps while it holds) when this text is as written here; .options hwsim_native_memristor=0\n");
        s.Append("* runs the sub-circuit instead; ngspice runs the sub-circuit\n");
        s.Append($".subckt {Name} p n params: x0={N(InitialState)} ; {ParameterComment}\n");
        s.Append($"bport p n I = {PortCurrent}\n");
        s.Append($"bstate 0 x I = {StateRate}\n");
        s.Append("cstate x 0 1\n");
        s.Append("rleak x xinit 1e9\n");
        s.Append("vinit xinit 0 dc {x0}\n");
        s.Append($".ends {Name}\n");
        return s.ToString();
    }

    /// <summary>The marker that opens the parameter comment of <see cref="ToSubcircuit"/>'s header.</summary>
    public const string ParameterMarker = "hwsim memristor:";

    /// <summary>
    /// Every parameter but the name and x0 (both on the header itself) as <c>key=value</c> words after
    /// <see cref="ParameterMarker"/>, read back by <see cref="FromParameters"/>.
    /// </summary>
    public string ParameterComment =>
        $"{ParameterMarker} dynamics={(Dynamics == MemristorDynamics.LinearIonDrift ? "drift" : "threshold")} window={Window.ToString().ToLowerInvariant()}"
        + $" p={WindowExponent.ToString(CultureInfo.InvariantCulture)} ron={N(Ron)} roff={N(Roff)} mu={N(Mobility)} d={N(Thickness)}"
        + $" vset={N(SetThreshold)} vreset={N(ResetThreshold)} kset={N(SetRate)} kreset={N(ResetRate)} a={N(ThresholdExponent)}";

    /// <summary>
    /// The model that <paramref name="values"/> (the <c>key=value</c> words of <see cref="ParameterComment"/>, as
    /// strings) describe, named <paramref name="name"/> with default state <paramref name="initialState"/>. Throws a
    /// <see cref="FormatException"/> whose message starts with the offending key and a colon for a value it cannot
    /// read, and an <see cref="ArgumentException"/> for parameters that make no memristor (Ron &gt;= Roff ...).
    /// </summary>
    public static MemristorModel FromParameters(string name, double initialState, IReadOnlyList<(string Key, string Value)> values)
    {
        var m = new MemristorModel { Name = name, InitialState = initialState };
        foreach (var (key, text) in values)
        {
            double Number() => Expressions.SpiceNumber.TryParse(text, out var v) ? v
                : throw new FormatException($"{key}: '{text}' is not a number");
            m = key switch
            {
                "dynamics" => m with
                {
                    Dynamics = text switch
                    {
                        "drift" => MemristorDynamics.LinearIonDrift,
                        "threshold" => MemristorDynamics.Threshold,
                        _ => throw new FormatException($"{key}: '{text}' is not drift or threshold"),
                    },
                },
                "window" => m with
                {
                    Window = text switch
                    {
                        "joglekar" => MemristorWindow.Joglekar,
                        "biolek" => MemristorWindow.Biolek,
                        _ => throw new FormatException($"{key}: '{text}' is not joglekar or biolek"),
                    },
                },
                "p" => m with
                {
                    WindowExponent = Number() is var p && p == Math.Floor(p) && p is >= 1 and <= 64 ? (int)p
                        : throw new FormatException($"{key}: the window exponent must be an integer from 1 to 64, got '{text}'"),
                },
                "ron" => m with { Ron = Number() },
                "roff" => m with { Roff = Number() },
                "mu" => m with { Mobility = Number() },
                "d" => m with { Thickness = Number() },
                "vset" => m with { SetThreshold = Number() },
                "vreset" => m with { ResetThreshold = Number() },
                "kset" => m with { SetRate = Number() },
                "kreset" => m with { ResetRate = Number() },
                "a" => m with { ThresholdExponent = Number() },
                _ => throw new FormatException($"{key}: not a memristor parameter (dynamics, window, p, ron, roff, mu, d, vset, vreset, kset, kreset, a)"),
            };
        }
        m.Validate();
        return m;
    }

    /// <summary>The leak of the state towards its initial value (1/s): the sub-circuit's 1 G resistor on its 1 F state.</summary>
    public const double LeakRate = 1e-9;

    /// <summary>
    /// The state's rate dx/dt at state <paramref name="x"/> and port voltage <paramref name="v"/> in a transient
    /// (time &gt; 0), without the leak: <see cref="StateRate"/>'s expression computed as the B source computes it
    /// (a power is |a|^b; u(0) = 1/2).
    /// </summary>
    public double Rate(double x, double v) => Dynamics switch
    {
        MemristorDynamics.LinearIonDrift => DriftCoefficient * (v / (Ron * x + Roff * (1 - x))) * WindowAt(x, v),
        _ => v > SetThreshold ? SetRate * Expressions.ExpressionMath.Power(v / SetThreshold - 1, ThresholdExponent) * WindowAt(x, v)
            : v < ResetThreshold ? -ResetRate * Expressions.ExpressionMath.Power(v / ResetThreshold - 1, ThresholdExponent) * WindowAt(x, v)
            : 0,
    };

    /// <summary>d<see cref="Rate"/>/dx at fixed <paramref name="v"/>.</summary>
    public double RateSlope(double x, double v)
    {
        var (w, dw) = WindowAndSlope(x, v);
        if (Dynamics == MemristorDynamics.LinearIonDrift)
        {
            var r = Ron * x + Roff * (1 - x);
            return DriftCoefficient * v * (dw / r - w * (Ron - Roff) / (r * r));
        }
        var k = v > SetThreshold ? SetRate * Expressions.ExpressionMath.Power(v / SetThreshold - 1, ThresholdExponent)
            : v < ResetThreshold ? -ResetRate * Expressions.ExpressionMath.Power(v / ResetThreshold - 1, ThresholdExponent)
            : 0;
        return k * dw;
    }

    private double WindowAt(double x, double v) => WindowAndSlope(x, v).W;

    private (double W, double Slope) WindowAndSlope(double x, double v)
    {
        var n = 2 * WindowExponent;
        // the B source's u(): 0 below 0, 1 above, 1/2 at 0
        var (a, da) = Window == MemristorWindow.Joglekar ? (2 * x - 1, 2.0) : (x - Expressions.ExpressionMath.Step(-v), 1.0);
        var power = Expressions.ExpressionMath.Power(a, n);
        // d|a|^n/da = n a^(n-1) for even n
        return (1 - power, -n * Math.Pow(a, n - 1) * da);
    }

    /// <summary>
    /// The equivalent flattened entities of one instance <paramref name="instance"/> (an X name such as <c>x1</c>)
    /// between <paramref name="positive"/> and <paramref name="negative"/>, named as the netlist reader names them
    /// (<c>b.x1.bport</c>, node <c>x1.x</c>), so the state reads as <c>v(x1.x)</c>.
    /// </summary>
    public IReadOnlyList<Entity> Instance(string instance, string positive, string negative, double? initialState = null)
    {
        Validate();
        var x0 = initialState ?? InitialState;
        if (x0 is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(initialState), "the initial state must be in [0, 1]");
        var nodes = new Dictionary<string, string> { ["p"] = positive, ["n"] = negative, ["x"] = $"{instance}.x", ["xinit"] = $"{instance}.xinit" };
        string Node(string local) => local is "0" or "gnd" ? "0" : nodes[local];
        Expression Bind(string text) => BehavioralExpression.Bind(ExpressionParser.Parse(text), ParameterScope.Empty, Node, d => d);
        return new Entity[]
        {
            new BehavioralSource($"b.{instance}.bport", positive, negative, BehavioralSourceKind.Current, Bind(PortCurrent)),
            new BehavioralSource($"b.{instance}.bstate", "0", Node("x"), BehavioralSourceKind.Current, Bind(StateRate)),
            new Capacitor($"c.{instance}.cstate", Node("x"), "0", 1),
            new Resistor($"r.{instance}.rleak", Node("x"), Node("xinit"), 1e9),
            new VoltageSource($"v.{instance}.vinit", Node("xinit"), "0", x0),
        };
    }
}
