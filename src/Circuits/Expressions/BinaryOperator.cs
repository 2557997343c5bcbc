namespace Hwsim.Circuits.Expressions;

/// <summary>Infix operators, listed from the loosest binding to the tightest (the ternary is looser still).</summary>
public enum BinaryOperator
{
    /// <summary><c>a || b</c>: 1 when either is non-zero.</summary>
    Or,
    /// <summary><c>a &amp;&amp; b</c>: 1 when both are non-zero.</summary>
    And,
    /// <summary><c>a == b</c></summary>
    Equal,
    /// <summary><c>a != b</c> (also written <c>a &lt;&gt; b</c>)</summary>
    NotEqual,
    /// <summary><c>a &lt; b</c></summary>
    Less,
    /// <summary><c>a &lt;= b</c></summary>
    LessOrEqual,
    /// <summary><c>a &gt; b</c></summary>
    Greater,
    /// <summary><c>a &gt;= b</c></summary>
    GreaterOrEqual,
    /// <summary><c>a + b</c></summary>
    Add,
    /// <summary><c>a - b</c></summary>
    Subtract,
    /// <summary><c>a * b</c></summary>
    Multiply,
    /// <summary><c>a / b</c></summary>
    Divide,
    /// <summary><c>a % b</c>: the C <c>fmod</c> remainder (numparam has it; ngspice B sources do not).</summary>
    Modulo,
    /// <summary><c>a ^ b</c> or <c>a ** b</c>: |a| to the power b, left associative, as in ngspice.</summary>
    Power,
}
