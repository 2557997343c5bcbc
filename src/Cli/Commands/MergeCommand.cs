using System.CommandLine;
using Hwsim.Bridge.MonteCarlo;
using Hwsim.Bridge.Reports;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim merge DIR ... --out DIR</c> (a contract): joins the shard folders of one Monte Carlo study into exactly
/// the files one unsharded run writes. It refuses folders that are not shards, shards of other studies (naming the
/// setting that differs), a sample given twice, and missing samples (naming them).
/// </summary>
public static class MergeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folders = new Argument<DirectoryInfo[]>("DIR") { Description = "the shard folders (written by hwsim montecarlo --shard I/N)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out") { Description = "output folder", Required = true };
        var cmd = new Command("merge", "Merge the shard folders of one Monte Carlo study into the files of the whole study.") { folders, output };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!.FullName;
            var (manifest, rows) = MonteCarloMerge.Merge(parse.GetValue(folders)!.Select(f => f.FullName).ToList());
            using var publication = new Publication();
            MonteCarloReport.Write(publication.Folder("--out", dir), manifest, rows);
            publication.Commit();
            stdout.WriteLine($"merged {rows.Count} samples into {Path.Combine(dir, MonteCarloReport.RowsFile)}, {MonteCarloReport.SummaryFile} and report.html");
            return ExitCodes.Success;
        });
        return cmd;
    }
}
