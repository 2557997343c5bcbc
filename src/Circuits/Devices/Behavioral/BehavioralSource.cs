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

    public override string ToNetlist() =>
        $"{Name} {Nodes[0]} {Nodes[1]} {(Kind == BehavioralSourceKind.Voltage ? "V" : "I")} = {Expression}";
}
