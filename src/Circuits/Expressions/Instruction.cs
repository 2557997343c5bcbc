namespace Hwsim.Circuits.Expressions;

/// <summary>
/// One step of a compiled program. Instruction k writes slot k; A, B and C are the slots (or, for
/// <see cref="OpCode.Input"/>, the input number) it reads, always lower than k.
/// </summary>
internal readonly record struct Instruction(
    OpCode Op,
    int A = 0,
    int B = 0,
    int C = 0,
    double Value = 0,
    BinaryOperator Operator = default,
    BuiltinFunction Function = default);
