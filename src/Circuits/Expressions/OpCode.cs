namespace Hwsim.Circuits.Expressions;

/// <summary>The operations of a compiled expression program.</summary>
internal enum OpCode : byte
{
    /// <summary>Input number A.</summary>
    Input,
    /// <summary>The constant in <see cref="Instruction.Value"/>.</summary>
    Constant,
    /// <summary>-[A]</summary>
    Negate,
    /// <summary>![A]</summary>
    Not,
    /// <summary>[A] + [B]</summary>
    Add,
    /// <summary>[A] - [B]</summary>
    Subtract,
    /// <summary>[A] * [B]</summary>
    Multiply,
    /// <summary>[A] op [B] for /, % and ^ (operator in <see cref="Instruction.Operator"/>).</summary>
    Arithmetic,
    /// <summary>[A] op [B] for comparisons and logic: piecewise constant, no derivative.</summary>
    Compare,
    /// <summary>[A] != 0 ? [B] : [C]</summary>
    Select,
    /// <summary>f([A]) (function in <see cref="Instruction.Function"/>).</summary>
    Function1,
    /// <summary>f([A], [B])</summary>
    Function2,
}
