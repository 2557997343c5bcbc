namespace Hwsim.Circuits.Expressions;

/// <summary>One lexical token; <see cref="Column"/> is 1-based.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Column, double Number = 0);
