namespace Hwsim.Circuits.Expressions;

/// <summary>A prefix operator applied to an operand.</summary>
public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand) : Expression;
