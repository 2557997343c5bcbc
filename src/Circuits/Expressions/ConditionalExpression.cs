namespace Hwsim.Circuits.Expressions;

/// <summary><c>condition ? whenTrue : whenFalse</c> (also <c>ternary_fcn(c, a, b)</c>); a non-zero condition is true.</summary>
public sealed record ConditionalExpression(Expression Condition, Expression WhenTrue, Expression WhenFalse) : Expression;
