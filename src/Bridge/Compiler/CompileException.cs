namespace Hwsim.Bridge.Compiler;

/// <summary>A network that cannot be compiled as asked (an unsupported layer, a weight the mapping cannot hold): bad input.</summary>
public sealed class CompileException : Exception
{
    public CompileException(string message, Exception? inner = null) : base(message, inner) { }
}
