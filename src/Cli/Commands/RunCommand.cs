using System.CommandLine;

namespace Hwsim.Cli.Commands;

/// <summary><c>hwsim run FILE.cir [--out results.csv] [--stats]</c>: runs every analysis of a netlist.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "SPICE netlist (ngspice dialect)" };
        var outOpt = new Option<FileInfo?>("--out") { Description = "write results as CSV (several analyses: NAME.op.csv, NAME.dc.csv, ...)" };
        var stats = new Option<bool>("--stats") { Description = "print matrix size, fill, Newton iterations and time per phase" };
        var cmd = new Command("run", "Run every analysis in a netlist and print the results.") { file, outOpt, stats };
        cmd.SetAction(parse =>
        {
            stdout.WriteLine($"not yet: {parse.GetValue(file)}");
            return ExitCodes.SimulationFailure;
        });
        return cmd;
    }
}
