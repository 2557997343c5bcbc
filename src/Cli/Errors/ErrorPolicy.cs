using System.Reflection;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.MonteCarlo;
using Hwsim.Circuits;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Solver;
using Hwsim.Nn.Data;
using Hwsim.Nn.Models;
using Hwsim.Verification;

namespace Hwsim.Cli;

/// <summary>
/// The one place where an exception becomes an exit code and a message, for every command. Commands do not catch:
/// they (and the libraries under them) throw typed exceptions that carry the file, line and column, the option, or
/// the node or device, and this policy prints one line:
/// <list type="bullet">
/// <item>2, <c>hwsim: error: ...</c>: bad input (netlist, model file, CSV, option, path, limit exceeded);</item>
/// <item>1, <c>hwsim: simulation failed: ...</c>: a simulation of valid input that failed;</item>
/// <item>3, <c>hwsim: internal error: ...</c>: anything else is a bug: one line asking for a report, and the stack
/// trace only when the environment variable <c>HWSIM_DEBUG</c> is 1.</item>
/// </list>
/// </summary>
public static class ErrorPolicy
{
    /// <summary>The environment variable that adds the stack trace to an internal error.</summary>
    public const string DebugVariable = "HWSIM_DEBUG";

    /// <summary>Prints <paramref name="error"/> as one line on <paramref name="stderr"/> and returns its exit code.</summary>
    public static int Report(Exception error, TextWriter stderr) =>
        Report(error, stderr, Environment.GetEnvironmentVariable(DebugVariable) == "1");

    /// <summary>As <see cref="Report(Exception, TextWriter)"/>; <paramref name="debug"/> adds the stack trace of an internal error.</summary>
    public static int Report(Exception error, TextWriter stderr, bool debug)
    {
        var e = Unwrap(error);
        var (code, message) = Classify(e);
        var line = code switch
        {
            ExitCodes.BadInput => $"hwsim: error: {message}",
            ExitCodes.SimulationFailure => $"hwsim: simulation failed: {message}",
            _ => $"hwsim: internal error ({e.GetType().Name}), a bug in hwsim: please report it with the command line and input files"
                 + (debug ? "" : $" ({DebugVariable}=1 shows where)") + $": {message}",
        };
        stderr.WriteLine(ErrorText.OneLine(line));
        if (code == ExitCodes.InternalError && debug) stderr.WriteLine(error.ToString());
        return code;
    }

    /// <summary>The exit code and message (without prefix) of an exception; anything not listed here is a bug.</summary>
    public static (int Code, string Message) Classify(Exception e) => e switch
    {
        // Bad input: the exception names the file, line and column, the option, or the item.
        UsageException or NetlistException or ExpressionException or ModelFormatException or CsvFormatException
            or CompileException or MappingException or BlockLevelException or RawFileFormatException or NgspiceNotFoundException
            or MonteCarloException
            or Hwsim.Bridge.Evaluation.ClockPeriodException
            => (ExitCodes.BadInput, e.Message),
        CircuitException c => (ExitCodes.BadInput, c.Location is { } at ? $"{at}: {c.Message}" : c.Message),
        LimitExceededException l => (ExitCodes.BadInput, $"{l.Message} (raise it with {Commands.LimitOptions.OptionFor(l.Limit)})"),
        // A path the user named that cannot be read or written: the user's to fix, not a bug.
        IOException or UnauthorizedAccessException => (ExitCodes.BadInput, e.Message),
        // Valid input whose simulation failed.
        SimulationException or SolverException or NgspiceException => (ExitCodes.SimulationFailure, e.Message),
        _ => (ExitCodes.InternalError, e.Message),
    };

    /// <summary>The exception that says what happened, not the wrapper that carried it across threads or reflection.</summary>
    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException { InnerExceptions.Count: > 0 } a:
                    e = a.Flatten().InnerExceptions[0];
                    continue;
                case TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    continue;
                case TypeInitializationException { InnerException: { } inner }:
                    e = inner;
                    continue;
                default:
                    return e;
            }
        }
    }
}
