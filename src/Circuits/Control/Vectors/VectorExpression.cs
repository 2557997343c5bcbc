namespace Hwsim.Circuits.Control.Vectors;

/// <summary>
/// A parsed expression of the control language (ngspice's <c>pnode</c>). <see cref="Text"/> is the source of a
/// top-level expression, which names its result (<c>print mag(v(2))</c> prints a column <c>mag(v(2))</c>).
/// </summary>
public abstract record VectorExpression
{
    /// <summary>The source text for a top-level expression; null inside one.</summary>
    public string? Text { get; init; }
}

/// <summary>A number as written; named after its value as ngspice names number vectors (<c>1</c>, <c>1.5</c>).</summary>
public sealed record NumberNode(double Value, string Name) : VectorExpression;

/// <summary>A vector name: <c>v(out)</c> once resolved, <c>time</c>, <c>tran1.time</c>, <c>@r1[i]</c>, <c>"temp-sweep"</c>.</summary>
public sealed record NameNode(string Name) : VectorExpression;

/// <summary>A binary operator: <c>+ - * / % ^ , = &lt;&gt; &lt; &gt; &lt;= &gt;= &amp; |</c>, written as one character each (<c>G L N</c> for <c>&gt;= &lt;= &lt;&gt;</c>).</summary>
public sealed record BinaryNode(char Operator, VectorExpression Left, VectorExpression Right) : VectorExpression;

/// <summary>Unary minus (<c>-</c>) or not (<c>~</c>).</summary>
public sealed record UnaryNode(char Operator, VectorExpression Operand) : VectorExpression;

/// <summary>A call of a built-in or user-defined function; several arguments are a comma list in <see cref="Argument"/>.</summary>
public sealed record CallNode(string Function, VectorExpression Argument) : VectorExpression;

/// <summary><c>v[i]</c> (an element, or a range for a complex index <c>v[a,b]</c>) and <c>v[[a,b]]</c> (by scale value).</summary>
public sealed record IndexNode(VectorExpression Vector, VectorExpression Index, bool ByScale) : VectorExpression;

/// <summary><c>c ? a : b</c>.</summary>
public sealed record TernaryNode(VectorExpression Condition, VectorExpression WhenTrue, VectorExpression WhenFalse) : VectorExpression;
