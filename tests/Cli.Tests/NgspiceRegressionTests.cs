namespace Hwsim.Cli.Tests;

/// <summary>
/// ngspice's own self-checking regression netlists (its source tree's <c>tests/regression</c>) that use only what
/// hwsim has, run under <c>hwsim run</c>: each must end with exit 0 and print no <c>ERROR</c> line, as under ngspice,
/// whose checks live in their <c>.control</c> blocks (<c>if ... quit 1</c>). The netlists are ngspice's, not copied
/// here: set HWSIM_NGSPICE_REGRESSION to that folder of an ngspice 39 (or later) source tree to run these; without it
/// they are skipped, saying so.
/// </summary>
public sealed class NgspiceRegressionTests
{
    private const string Variable = "HWSIM_NGSPICE_REGRESSION";

    /// <summary>The netlists that pass; the others of ngspice 39's folder need what hwsim lacks (see the report of issue 12).</summary>
    public static TheoryData<string> Passing => new(
        "func/f2.cir", "func/func-1.cir",
        "lib-processing/ex1a.cir", "lib-processing/ex1b.cir", "lib-processing/ex2a.cir", "lib-processing/ex3a.cir",
        "lib-processing/scope-1.cir", "lib-processing/scope-2.cir", "lib-processing/scope-3.cir",
        "misc/ac-zero.cir", "misc/alter-vec.cir", "misc/asrc-tc-1.cir", "misc/asrc-tc-2.cir", "misc/bugs-1.cir", "misc/bugs-2.cir", "misc/dollar-1.cir", "misc/empty-1.cir", "misc/if-elseif.cir",
        "misc/log-functions-1.cir", "misc/test-noise-2.cir", "misc/test-noise-3.cir",
        "model/instance-defaults.cir", "model/special-names-1.cir",
        "parser/bxpressn-1.cir", "parser/minus-minus.cir", "parser/xpressn-1.cir", "parser/xpressn-2.cir", "parser/xpressn-3.cir",
        "subckt-processing/global-1.cir", "subckt-processing/model-scope-5.cir",
        "pz/ac-resistance.cir",
        "sens/sens-ac-1.cir", "sens/sens-ac-2.cir", "sens/sens-dc-1.cir", "sens/sens-dc-2.cir",
        "temper/temper-1.cir", "temper/temper-2.cir", "temper/temper-3.cir", "temper/temper-res-1.cir");

    [RegressionTheory]
    [MemberData(nameof(Passing))]
    public void When_NgspiceRegressionNetlistRun_Expect_ItsOwnChecksPass(string netlist)
    {
        var path = Path.Combine(Environment.GetEnvironmentVariable(Variable)!, netlist);
        Assert.True(File.Exists(path), $"{path} not found: {Variable} must name an ngspice source tree's tests/regression");

        var (code, output, err) = CliRunner.Run("run", path);

        Assert.True(code == 0, $"exit {code}\n{output}\n{err}");
        Assert.DoesNotContain(output.Split('\n'), line => line.Contains("ERROR", StringComparison.Ordinal));
        Assert.DoesNotContain("hwsim: error", err, StringComparison.Ordinal);
    }

    /// <summary>A theory skipped, with the reason, when no regression folder is given.</summary>
    public sealed class RegressionTheoryAttribute : TheoryAttribute
    {
        public RegressionTheoryAttribute()
        {
            if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } folder)
                Skip = $"set {Variable} to an ngspice source tree's tests/regression folder to run ngspice's own checks";
            else if (!Directory.Exists(folder))
                Skip = $"{Variable}={folder} is not a folder";
        }
    }
}
