using System.CommandLine;
using Hwsim.Cli.Commands;

namespace Hwsim.Cli;

/// <summary>
/// The hwsim command tree. Parse errors become exit code 2 with one line per error; a command's failure is an
/// exception that <see cref="ErrorPolicy"/> turns into one line and an exit code. A command validates its options by
/// throwing <see cref="UsageException"/> and lets the libraries' typed exceptions pass: it never catches for itself.
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
        root.Add(MonteCarloCommand.Create(stdout, stderr));
        root.Add(MergeCommand.Create(stdout, stderr));
        root.Add(BenchCommand.Create(stdout, stderr));
        root.Add(BlockCommand.Create(stdout, stderr));
        root.Add(ImportCommand.Create(stdout));
        root.Add(ExportCommand.Create(stdout));
        CommandExamples.AddTo(root);
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine(ErrorText.OneLine($"hwsim: error: {ParseErrorText.Friendly(error)}"));
            stderr.WriteLine("Run 'hwsim --help' or 'hwsim COMMAND --help' for usage.");
            return ExitCodes.BadInput;
        }

        // Commands do not catch: every failure goes through the one error policy (exit codes 1, 2, 3; one line each).
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e)
        {
            return ErrorPolicy.Report(e, stderr);
        }
    }
}
