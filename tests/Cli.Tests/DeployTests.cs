using System.Text.RegularExpressions;

namespace Hwsim.Cli.Tests;

/// <summary>
/// The cluster examples in deploy/ (which cannot run here: no Docker engine, Kubernetes or Slurm) at least call hwsim
/// with options it accepts, pass the batch system's index as the shard and keep the shard count in step.
/// </summary>
public partial class DeployTests
{
    private static string Deploy(params string[] parts) => CliRunner.Repo(new[] { "deploy" }.Concat(parts).ToArray());

    [GeneratedRegex("\"([^\"]*)\"|(\\S+)")]
    private static partial Regex Words();

    /// <summary>The arguments of a command line after the program, variables given example values, quotes removed.</summary>
    private static string[] Arguments(string command, IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables) command = command.Replace("${" + name + "}", value).Replace("$" + name, value);
        return Words().Matches(command).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();
    }

    private static void AssertParses(string[] args)
    {
        var parse = HwsimApp.BuildRoot(TextWriter.Null, TextWriter.Null).Parse(args);
        Assert.True(parse.Errors.Count == 0, string.Join("; ", parse.Errors.Select(e => e.Message)) + ": " + string.Join(' ', args));
    }

    [Fact]
    public void When_KubernetesJobRead_Expect_IndexAsShardAndAcceptedOptions()
    {
        var job = File.ReadAllText(Deploy("kubernetes", "montecarlo-job.yaml"));
        Assert.Contains("completionMode: Indexed", job);
        var completions = Regex.Match(job, @"completions: (\d+)").Groups[1].Value;
        Assert.Contains($"value: \"{completions}\"", job);   // SHARDS
        var command = Regex.Match(job, @"exec /app/hwsim (montecarlo[^\n]*(\n\s{14}[^\s][^\n]*)*)").Groups[1].Value;
        Assert.Contains("--shard \"$JOB_COMPLETION_INDEX/$SHARDS\"", command);
        var args = Arguments(command, new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "3", ["SHARDS"] = completions });
        Assert.Contains("3/" + completions, args);
        AssertParses(args);
        var merge = File.ReadAllText(Deploy("kubernetes", "montecarlo-merge.yaml"));
        AssertParses(Arguments(Regex.Match(merge, @"exec /app/hwsim (merge[^\n]*)").Groups[1].Value, new Dictionary<string, string>()));
    }

    [Fact]
    public void When_SlurmScriptsRead_Expect_ArrayTaskAsShardAndADependentMerge()
    {
        var array = File.ReadAllText(Deploy("slurm", "montecarlo.sbatch"));
        Assert.Contains("#SBATCH --array=0-", array);
        var command = Regex.Match(array, @"\$HWSIM (montecarlo(?:[^\n]*\\\n)*[^\n]*)").Groups[1].Value.Replace("\\\n", " ");
        Assert.Contains("--shard \"${SLURM_ARRAY_TASK_ID}/${SHARDS}\"", command);
        var args = Arguments(command, new Dictionary<string, string>
        {
            ["SLURM_ARRAY_TASK_ID"] = "5", ["SHARDS"] = "8", ["SLURM_CPUS_PER_TASK"] = "2", ["RESULTS"] = "/tmp/results",
        });
        AssertParses(args);
        var merge = File.ReadAllText(Deploy("slurm", "merge.sbatch"));
        AssertParses(Arguments(Regex.Match(merge, @"\$HWSIM (merge[^\n]*)").Groups[1].Value, new Dictionary<string, string> { ["RESULTS"] = "/tmp/results" }));
        Assert.Contains("--dependency=\"afterok:${array}\"", File.ReadAllText(Deploy("slurm", "submit.sh")));
    }

    [Fact]
    public void When_ImageDefined_Expect_HwsimAsEntryPointWithTheModels()
    {
        var docker = File.ReadAllText(Deploy("Dockerfile"));
        Assert.Contains("dotnet publish src/Cli", docker);
        Assert.Contains("COPY models /app/models", docker);
        Assert.Contains("ENTRYPOINT [\"/app/hwsim\"]", docker);
    }
}
