using System.CommandLine;
using System.Globalization;
using System.Text;
using Hwsim.Bridge.Reports;
using Hwsim.Bridge.Reports.Inspector;
using Hwsim.Circuits;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim block [NAME] [--level ideal|macro|device] [--netlist OUT.cir] [--plot OUT.png|svg] [--csv OUT.csv] [--inspect OUT.html]</c>:
/// without a name lists the blocks; with one prints the block's netlist summary, sweeps its bench on our engine over
/// its input range, prints max and RMS error against the ideal function (output units, values) and writes the bench
/// netlist, the plot and the sweep (<c>input,ideal,circuit</c>, or <c>input1,input2,ideal,circuit</c> for two-input
/// blocks). A contract: keep its interface stable. The characterisation itself lives in
/// <see cref="BlockCatalog"/> (Circuits) and <see cref="BlockPlot"/> (Bridge).
/// </summary>
public static class BlockCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string?>("NAME") { Description = "block: " + string.Join(", ", BlockCatalog.Names) + " (none: list them)", Arity = ArgumentArity.ZeroOrOne };
        var level = new Option<string?>("--level") { Description = "ideal, macro or device (default: device where the block has it, else its highest level)" };
        level.AcceptOnlyFromAmong("ideal", "macro", "device");
        var netlist = new Option<FileInfo?>("--netlist") { Description = "write the bench netlist (runs unchanged in ngspice)" };
        var plot = new Option<FileInfo?>("--plot") { Description = "plot the transfer curve(s) beside the ideal one (PNG, or SVG for .svg)" };
        var csv = new Option<FileInfo?>("--csv") { Description = "write the sweep: input,ideal,circuit (two inputs: input1,input2,ideal,circuit), in values" };
        var inspect = new Option<FileInfo?>("--inspect") { Description = "write an inspector page (HTML, works offline): schematic, netlist, operating point at every sweep point, transfer curve against the ideal" };
        var cmd = new Command("block", "Characterise an analog building block against its ideal function.") { name, level, netlist, plot, csv, inspect };
        cmd.SetAction(parse => Run(parse.GetValue(name), parse.GetValue(level), parse.GetValue(netlist), parse.GetValue(plot), parse.GetValue(csv), stdout, stderr,
            parse.GetValue(inspect)));
        return cmd;
    }

    public static int Run(string? name, string? levelName, FileInfo? netlist, FileInfo? plot, FileInfo? csv, TextWriter stdout, TextWriter stderr,
        FileInfo? inspect = null)
    {
        if (name is null)
        {
            List(stdout);
            return ExitCodes.Success;
        }
        var block = BlockCatalog.Find(name)
            ?? throw new UsageException($"unknown block '{name}' (blocks: {string.Join(", ", BlockCatalog.Names)})");
        var level = block.DefaultLevel;
        if (levelName is not null)
        {
            if (!FidelityLevels.TryParse(levelName, out level)) throw new UsageException($"--level: unknown level '{levelName}' (levels: ideal, macro, device)");
            if (!block.Offers(level))
                throw new UsageException($"block {block.Name} has no {level.Name()} level (it has: {string.Join(", ", block.Levels.Select(l => l.Name()))})");
        }

        using var publication = new Publication();
        var stagedNetlist = netlist is null ? null : publication.File("--netlist", netlist.FullName);
        var stagedPlot = plot is null ? null : publication.File("--plot", plot.FullName);
        var stagedCsv = csv is null ? null : publication.File("--csv", csv.FullName);
        var stagedInspect = inspect is null ? null : publication.File("--inspect", inspect.FullName);
        var bench = block.CreateBench(level);
        foreach (var line in bench.Summary()) stdout.WriteLine(line);
        if (stagedNetlist is not null) File.WriteAllText(stagedNetlist, bench.Netlist);

        var sweep = bench.Run();

        stdout.WriteLine();
        var worst = sweep.WorstPoint;
        var at = sweep.Input2 is null ? $"input {G(sweep.Input[worst])}" : $"inputs {G(sweep.Input[worst])}, {G(sweep.Input2[worst])}";
        stdout.WriteLine($"error against {block.IdealLabel} over {sweep.Points} points (output units):");
        stdout.WriteLine($"  max  {G(sweep.MaxError)}  (at {at})");
        stdout.WriteLine($"  rms  {G(sweep.RmsError)}");
        stdout.WriteLine($"  stated bound {G(sweep.ErrorBound)}: {(sweep.WithinBound ? "within" : "EXCEEDED")}");

        if (stagedCsv is not null) File.WriteAllText(stagedCsv, Csv(sweep));
        if (stagedPlot is not null) BlockPlot.Save(stagedPlot, sweep);
        if (stagedInspect is not null) File.WriteAllText(stagedInspect, BlockInspectorPage.Page(bench, sweep));
        publication.Commit();
        foreach (var f in new[] { netlist, csv, plot, inspect })
            if (f is not null) stdout.WriteLine($"wrote {f.FullName}");
        return ExitCodes.Success;
    }

    private static void List(TextWriter stdout)
    {
        stdout.WriteLine("Blocks (hwsim block NAME [--level ideal|macro|device] [--netlist OUT.cir] [--plot OUT.png] [--csv OUT.csv]):");
        var width = BlockCatalog.Names.Max(n => n.Length);
        foreach (var b in BlockCatalog.All)
        {
            var levels = string.Join(", ", b.Levels.Select(l => l == b.DefaultLevel ? l.Name() + "*" : l.Name()));
            stdout.WriteLine($"  {b.Name.PadRight(width)}  [{levels}]  {b.Description}");
        }
        stdout.WriteLine("  (* the default level)");
    }

    /// <summary>The sweep as CSV in values: input,ideal,circuit or input1,input2,ideal,circuit.</summary>
    public static string Csv(BlockSweep sweep)
    {
        var sb = new StringBuilder(sweep.Input2 is null ? "input,ideal,circuit\n" : "input1,input2,ideal,circuit\n");
        for (var i = 0; i < sweep.Points; i++)
        {
            sb.Append(R(sweep.Input[i])).Append(',');
            if (sweep.Input2 is not null) sb.Append(R(sweep.Input2[i])).Append(',');
            sb.Append(R(sweep.Ideal[i])).Append(',').Append(R(sweep.Circuit[i])).Append('\n');
        }
        return sb.ToString();
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    private static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
