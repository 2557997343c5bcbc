using System.CommandLine;
using Hwsim.Cli.Commands;
using Hwsim.Nn.Data;
using Hwsim.Nn.Models;

namespace Hwsim.Cli;

/// <summary>
/// The hwsim command tree. Parse errors become exit code 2 with one line per error;
/// each command maps its own failures onto <see cref="ExitCodes"/>.
/// </summary>
public static class HwsimApp
{
    public static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("hwsim: analog circuit simulation of neural networks, compared against software inference.");
        root.Add(RunCommand.Create(stdout, stderr));
        root.Add(TrainCommand.Create(stdout, stderr));
        root.Add(InferCommand.Create(stdout, stderr));
        root.Add(DemosCommand.Create(stdout, stderr));
        root.Add(CompareCommand.Create(stdout, stderr));
        root.Add(NetlistCommand.Create(stdout, stderr));
        root.Add(BenchCommand.Create(stdout, stderr));
        root.Add(BlockCommand.Create(stdout, stderr));
        root.Add(ImportCommand.Create(stdout, stderr));
        root.Add(ExportCommand.Create(stdout, stderr));
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine($"hwsim: error: {error.Message}");
            stderr.WriteLine("Run 'hwsim --help' or 'hwsim COMMAND --help' for usage.");
            return ExitCodes.BadInput;
        }

        // Commands map the failures they expect to exit codes; anything else is a bug, reported in one line, never a stack trace.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e) when (e is ModelFormatException or CsvFormatException)
        {
            // A model or data file the user gave that cannot be used: the message names the file and what is wrong.
            stderr.WriteLine($"hwsim: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A path given on the command line that cannot be read or written: the user's to fix, not a bug.
            stderr.WriteLine($"hwsim: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"hwsim: internal error ({e.GetType().Name}): {e.Message}");
            stderr.WriteLine("hwsim: this is a bug in hwsim; please report it with the command line and input files");
            return ExitCodes.SimulationFailure;
        }
    }
}
