namespace Hwsim.Verification;

/// <summary>The <c>ngspice</c> executable is not on PATH (or not at the path given).</summary>
public sealed class NgspiceNotFoundException : Exception
{
    /// <summary>The message shown when ngspice is missing.</summary>
    public const string DefaultMessage = "ngspice not found: install it with apt-get install -y ngspice";

    /// <summary>Creates the exception with <see cref="DefaultMessage"/>.</summary>
    public NgspiceNotFoundException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates the exception with a specific message.</summary>
    public NgspiceNotFoundException(string message)
        : base(message)
    {
    }
}
