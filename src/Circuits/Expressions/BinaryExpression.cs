namespace Hwsim.Circuits.Expressions;

/// <summary>An infix operator applied to two operands.</summary>
public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right) : Expression;
