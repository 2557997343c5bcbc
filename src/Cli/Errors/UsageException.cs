namespace Hwsim.Cli;

/// <summary>
/// A command-line argument or option that cannot be used as given (a value out of range, a missing input file, an
/// output path that cannot be written, options that exclude each other). The message names the option or argument;
/// <see cref="ErrorPolicy"/> prints it as one line and exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> starts with the option or argument it is about.</summary>
    public UsageException(string message) : base(message) { }
}
