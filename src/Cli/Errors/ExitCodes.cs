namespace Hwsim.Cli;

/// <summary>
/// The exit codes every hwsim command keeps: a contract with scripts and CI. <see cref="ErrorPolicy"/> is the one
/// place that turns an exception into one of them.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A simulation of valid input failed: no convergence, a singular matrix, a time step too small.</summary>
    public const int SimulationFailure = 1;

    /// <summary>Bad input: a file (named with line and column), an option (named), a path, or a limit exceeded (with the option that raises it).</summary>
    public const int BadInput = 2;

    /// <summary>A bug in hwsim: one line asking for a report (the trace with HWSIM_DEBUG=1).</summary>
    public const int InternalError = 3;
}
