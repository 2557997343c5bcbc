namespace Hwsim.Verification;

/// <summary>
/// An ngspice run that failed: the netlist was rejected, an analysis was aborted (no convergence, time step too
/// small), the run timed out, or no results were written. The message carries ngspice's own error lines.
/// </summary>
public sealed class NgspiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, with ngspice's messages.</param>
    /// <param name="netlistPath">The netlist that was run.</param>
    /// <param name="exitCode">ngspice's exit code, null when it was killed.</param>
    /// <param name="log">ngspice's standard output followed by its standard error.</param>
    /// <param name="timedOut">True when the run was killed after the timeout.</param>
    public NgspiceException(string message, string netlistPath, int? exitCode, string log, bool timedOut = false)
        : base(message)
    {
        NetlistPath = netlistPath;
        ExitCode = exitCode;
        Log = log;
        TimedOut = timedOut;
    }

    /// <summary>The netlist that was run.</summary>
    public string NetlistPath { get; }

    /// <summary>ngspice's exit code, null when the process was killed.</summary>
    public int? ExitCode { get; }

    /// <summary>ngspice's standard output followed by its standard error.</summary>
    public string Log { get; }

    /// <summary>True when the run was killed after the timeout.</summary>
    public bool TimedOut { get; }
}
