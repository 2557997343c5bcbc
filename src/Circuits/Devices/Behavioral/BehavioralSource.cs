using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>Whether a behavioural source forces a voltage (<c>V = expr</c>) or a current (<c>I = expr</c>).</summary>
public enum BehavioralSourceKind
{
    Voltage,
    Current,
}

/// <summary>
/// ngspice's arbitrary behavioural source <c>Bname n+ n- V = expr</c> or <c>Bname n+ n- I = expr</c>. The
/// expression may use <c>v(a)</c>, <c>v(a,b)</c>, <c>i(vx)</c>, <c>time</c>, <c>temper</c>, <c>hertz</c>, parameters and
/// the built-in functions (see Expressions/SEMANTICS.md). The voltage form has a branch current unknown,
/// <c>i(bname)</c>; the current form's current flows from n+ through the source to n-.
/// <code>
/// new BehavioralSource("B1", "out", "0", BehavioralSourceKind.Voltage, "tanh(v(in))")
/// </code>
/// </summary>
public sealed class BehavioralSource : Component
{
    /// <summary>A source from an expression tree; <paramref name="scope"/> resolves its parameters and user functions.</summary>
    public BehavioralSource(string name, string positive, string negative, BehavioralSourceKind kind, Expression expression,
        IParameterScope? scope = null) : base(name, positive, negative)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Kind = kind;
        Expression = expression;
        Scope = scope ?? new ParameterScope();
    }

    /// <summary>A source from expression text in ngspice syntax.</summary>
    /// <exception cref="ExpressionException">The text does not parse.</exception>
    public BehavioralSource(string name, string positive, string negative, BehavioralSourceKind kind, string expression,
        IParameterScope? scope = null) : this(name, positive, negative, kind, ExpressionParser.Parse(expression), scope) { }

    public BehavioralSourceKind Kind { get; }

    /// <summary>
    /// First-order temperature coefficient (1/K), ngspice's <c>tc1=</c>: the value and its derivatives are scaled by
    /// 1 + tc1 (T - 300.15 K) + tc2 (T - 300.15 K)^2, T the instance temperature (asrcload.c: 300.15 K, not TNOM).
    /// </summary>
    public double Tc1 { get; init; }

    /// <summary>Second-order temperature coefficient (1/K^2), ngspice's <c>tc2=</c>.</summary>
    public double Tc2 { get; init; }

    /// <summary>The instance temperature in Celsius (<c>temp=</c>); null for the circuit temperature plus <see cref="DeltaTemperature"/>.</summary>
    public double? Temperature { get; init; }

    /// <summary>Kelvin above the circuit temperature (<c>dtemp=</c>); ignored when <see cref="Temperature"/> is given, as in ngspice.</summary>
    public double DeltaTemperature { get; init; }

    /// <summary>
    /// True when the temperature factor divides instead of multiplies (ngspice's <c>reciproctc</c>): a behavioural
    /// resistor <c>R n1 n2 r = {expr} tc1=</c> becomes a current V(n1,n2)/expr whose resistance scales by the factor.
    /// </summary>
    public bool ReciprocalTemperatureFactor { get; init; }

    /// <summary>The factor the value is scaled by at circuit temperature <paramref name="circuitKelvin"/>.</summary>
    public double TemperatureFactor(double circuitKelvin)
    {
        var t = Temperature is { } celsius ? celsius + PhysicalConstants.CelsiusToKelvin : circuitKelvin + DeltaTemperature;
        var d = t - 300.15;
        var factor = 1.0 + Tc1 * d + Tc2 * d * d;
        return ReciprocalTemperatureFactor ? 1 / factor : factor;
    }

    /// <summary>The expression (node and device names as the circuit names them).</summary>
    public Expression Expression { get; }

    /// <summary>Where parameters and user functions of the expression are looked up.</summary>
    public IParameterScope Scope { get; }

    /// <summary>
    /// The voltage form defines a voltage and conducts like a voltage source; the current form conducts when its
    /// current depends on its own terminal voltages (a nonlinear resistor such as a memristor port).
    /// </summary>
    public override IEnumerable<(int A, int B)> ConductivePairs =>
        Kind == BehavioralSourceKind.Voltage || DependsOnOwnTerminals() ? TerminalPair : Array.Empty<(int, int)>();

    public override IEnumerable<(int A, int B)> VoltageDefinedPairs =>
        Kind == BehavioralSourceKind.Voltage ? TerminalPair : Array.Empty<(int, int)>();

    private bool DependsOnOwnTerminals()
    {
        try
        {
            var compiled = Expression.Compile(Scope);
            return compiled.Inputs.Any(i => i.Kind == ExpressionInputKind.NodeVoltage
                && (string.Equals(i.Name, Nodes[0], StringComparison.OrdinalIgnoreCase) || string.Equals(i.Name, Nodes[1], StringComparison.OrdinalIgnoreCase)));
        }
        catch (ExpressionException)
        {
            return false;
        }
    }

    public override Behavior CreateBehavior(BindingContext context) => new BehavioralSourceBehavior(this, context);

    public override string ToNetlist()
    {
        var s = $"{Name} {Nodes[0]} {Nodes[1]} {(Kind == BehavioralSourceKind.Voltage ? "V" : "I")} = {Expression}";
        if (Tc1 != 0) s += $" tc1={Num(Tc1)}";
        if (Tc2 != 0) s += $" tc2={Num(Tc2)}";
        if (Temperature is { } t) s += $" temp={Num(t)}";
        else if (DeltaTemperature != 0) s += $" dtemp={Num(DeltaTemperature)}";
        if (ReciprocalTemperatureFactor) s += " reciproctc=1";
        return s;
    }
}
