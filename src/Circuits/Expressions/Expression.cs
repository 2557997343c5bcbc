namespace Hwsim.Circuits.Expressions;

/// <summary>
/// An immutable expression tree in the ngspice dialect, as produced by <see cref="ExpressionParser"/>.
/// Names are stored lower case (SPICE is case-insensitive). <see cref="ToString"/> prints the tree back in
/// ngspice syntax with the fewest parentheses that keep its structure, so that parsing the printed text
/// gives an equal tree.
/// </summary>
/// <remarks>
/// Two uses: <see cref="Evaluate"/> computes a scalar for <c>.param</c> and <c>{expr}</c> values (ngspice's
/// numparam semantics), and <see cref="Compile"/> turns a behavioural-source expression (B source, ngspice's
/// parse-tree semantics) into a <see cref="CompiledExpression"/> with exact derivatives.
/// </remarks>
public abstract record Expression
{
    /// <summary>Evaluates a parameter expression (numparam semantics) with names resolved through <paramref name="scope"/>.</summary>
    /// <exception cref="ExpressionException">
    /// An unknown parameter or function, a node voltage, branch current, <c>time</c>, <c>temper</c> or <c>hertz</c>
    /// (these exist only in behavioural expressions), or a result that is not finite (ngspice rejects NaN and
    /// infinite parameter values too).
    /// </exception>
    public double Evaluate(IParameterScope scope) => ParameterEvaluator.Evaluate(this, scope);

    /// <summary>
    /// Compiles a behavioural-source expression (B-source semantics): parameters and user functions are resolved
    /// through <paramref name="scope"/> and folded into constants; node voltages, branch currents, <c>time</c>,
    /// <c>temper</c> and <c>hertz</c> become the numbered <see cref="CompiledExpression.Inputs"/>.
    /// </summary>
    /// <exception cref="ExpressionException">An unknown name or function, or a wrong number of arguments.</exception>
    public CompiledExpression Compile(IParameterScope scope) => ExpressionCompiler.Compile(this, scope);

    /// <summary>The expression in ngspice syntax.</summary>
    public sealed override string ToString() => ExpressionPrinter.Print(this);
}
