using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>
/// Netlist conditionals <c>.if (expr)</c> / <c>.elseif (expr)</c> / <c>.else</c> / <c>.endif</c>: decided on <c>.param</c>
/// values (per instance inside a sub-circuit), nested, only the taken branch kept. Operating points are checked
/// against ngspice 39 on the same files and against the resistance the taken branch gives; misuse names file:line:column.
/// </summary>
public sealed class ConditionalNetlistTests
{
    private static string Chain(int select) => $"""
        if elseif else chain
        .param sel={select} k=1
        .if (sel == 1)
        r1 1 0 500
        .elseif (sel == 2 && k)
        r1 1 0 2k
        .if (k = 1)
        r2 1 0 2k
        .else
        r2 1 0 4k
        .endif
        .else
        r1 1 0 4k
        .endif
        v1 1 0 1
        .op
        .end
        """;

    private const string PerInstance = """
        if inside a sub-circuit, per instance
        .param scale=2
        .subckt leg a b r=1k
        .if (r > 1.5k)
        r1 a b {r*scale}
        .else
        r1 a b {r/scale}
        .endif
        .ends
        x1 1 0 leg r=1k
        x2 2 0 leg r=2k
        v1 1 0 1
        v2 2 0 1
        .op
        .end
        """;

    private const string ModelAndAnalysis = """
        model and analysis chosen by .if
        .param fast=1
        .if (fast)
        .model dm d is=1e-12 n=1.2
        .else
        .model dm d is=1e-14
        d2 2 0 nosuchmodel
        .endif
        vs 1 0 1
        r1 1 2 1k
        d1 2 0 dm
        .if (!fast || 0)
        .tran 1u 1m
        .else
        .op
        .endif
        .end
        """;

    public static TheoryData<string, string, double> Cases => new()
    {
        { "chain1", Chain(1), -2e-3 },
        { "chain2", Chain(2), -1e-3 },
        { "chain3", Chain(3), -0.25e-3 },
        { "instance", PerInstance, -2e-3 },
    };

    private static string Write(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hwsim-if").FullName, name + ".cir");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void When_IfBlocksDecided_Expect_TakenBranchesCurrent(string name, string netlist, double current)
    {
        var n = NetlistReader.ReadFile(Write(name, netlist));

        var op = NetlistRun.RunAll(n).Single();

        Assert.Equal(current, op["i(v1)"].Real[0], 1e-15);
        Assert.Empty(n.Warnings);
    }

    [Fact]
    public void When_ConditionHoldsPerInstance_Expect_EachInstanceItsBranch()
    {
        var op = NetlistRun.RunAll(NetlistReader.ReadFile(Write("instance", PerInstance))).Single();

        Assert.Equal(-1 / 500.0, op["i(v1)"].Real[0], 1e-15);   // r=1k: r/scale
        Assert.Equal(-1 / 4000.0, op["i(v2)"].Real[0], 1e-15);  // r=2k: r*scale
    }

    [Fact]
    public void When_ModelAndAnalysisInBranches_Expect_OnlyTakenOnesRead()
    {
        var n = NetlistReader.ReadFile(Write("model", ModelAndAnalysis));

        var model = Assert.IsType<DiodeModel>(n.Circuit["dm"]);
        Assert.Equal(1e-12, model.SaturationCurrent);
        Assert.False(n.Circuit.TryGet("d2", out _));             // its model does not exist: never read
        Assert.Equal(AnalysisKind.OperatingPoint, Assert.Single(NetlistRun.RunAll(n)).Kind);
    }

    [NgspiceTheory]
    [InlineData("chain1")]
    [InlineData("chain2")]
    [InlineData("chain3")]
    [InlineData("instance")]
    [InlineData("model")]
    public void When_IfBlocksRun_Expect_NgspicesOperatingPoint(string name)
    {
        var text = name switch
        {
            "chain1" => Chain(1), "chain2" => Chain(2), "chain3" => Chain(3), "instance" => PerInstance, _ => ModelAndAnalysis,
        };
        var path = Write(name, text);

        var ours = NetlistRun.RunAll(NetlistReader.ReadFile(path)).Single();
        var theirs = new NgspiceRunner().Run(path).Plot(AnalysisKind.OperatingPoint);

        var signals = theirs.Signals.ToList();
        Assert.Equal(signals.Count, ours.Vectors.Count);
        foreach (var vector in signals)
            Assert.Equal(vector.Real[0], ours[vector.Name].Real[0], 1e-9);
    }

    private const string Body = """
        misuse
        .param a=1
        LINE
        v1 1 0 1
        r9 1 0 1k
        .op
        .end
        """;

    [Theory]
    [InlineData(".if (a == 1)\nr1 1 0 1k", "bad.cir:3:1: .if has no .endif")]
    [InlineData(".if (a == 1)\n.if (a)\nr1 1 0 1k\n.endif", "bad.cir:3:1: .if has no .endif")]
    [InlineData("r1 1 0 1k\n.endif", "bad.cir:4:1: .endif without .if")]
    [InlineData("r1 1 0 1k\n.else\nr2 1 0 1k", "bad.cir:4:1: .else without .if")]
    [InlineData(".elseif (a == 2)", "bad.cir:3:1: .elseif without .if")]
    [InlineData(".if (a == 2)\n.else\n.elseif (a == 1)\n.endif", "bad.cir:5:1: .elseif after .else (line 4)")]
    [InlineData(".if (a == 2)\n.else\n.else\n.endif", "bad.cir:5:1: a second .else in one .if block (the first is on line 4)")]
    [InlineData(".if a == 1\n.endif", "bad.cir:3:5: .if: write the condition in parentheses")]
    [InlineData(".if (a == 1) r1\n.endif", "bad.cir:3:14: .if: the condition must end with ')'")]
    [InlineData(".if ()\n.endif", "bad.cir:3:6: .if: the condition must end with ')' and not be empty")]
    [InlineData(".if (a == zz)\n.endif", "bad.cir:3:11: in '(a == zz)': ")]
    [InlineData(".if (a)\n.param b=2\n.endif", "bad.cir:4:1: .param is not allowed inside .if ... .endif")]
    [InlineData(".if (a)\n.func f(x) = x\n.endif", "bad.cir:4:1: .func is not allowed inside .if ... .endif")]
    [InlineData(".if (a)\n.subckt s 1\n.ends\n.endif", "bad.cir:4:1: a .subckt is not allowed inside .if ... .endif")]
    [InlineData(".if (a)\n.include other.cir\n.endif", "bad.cir:4:1: .include is not allowed inside .if ... .endif")]
    [InlineData(".if (a)\n.lib other.lib typ\n.endif", "bad.cir:4:1: .lib is not allowed inside .if ... .endif")]
    public void When_IfMisused_Expect_ErrorAtFileLineColumn(string lines, string message)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hwsim-if").FullName, "bad.cir");
        File.WriteAllText(path, Body.Replace("LINE", lines, StringComparison.Ordinal));

        var e = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(path));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_UntakenConditionIsBad_Expect_NotEvaluated()
    {
        // ngspice decides a chain at its first true condition; later ones are never evaluated.
        var n = NetlistReader.Parse(Body.Replace("LINE", ".if (a)\nr1 1 0 1k\n.elseif (zz)\nr1 1 0 2k\n.endif", StringComparison.Ordinal));

        Assert.True(n.Circuit.TryGet("r1", out _));
    }

    [Fact]
    public void When_TextAfterElseOrEndif_Expect_IgnoredWithWarning()
    {
        var n = NetlistReader.Parse(Body.Replace("LINE", ".if (a > 1)\nr1 1 0 1k\n.else junk\nr1 1 0 2k\n.endif (a > 1)", StringComparison.Ordinal), "w.cir");

        Assert.Equal(2000, Assert.IsType<Resistor>(n.Circuit["r1"]).Resistance);
        Assert.Equal(["w.cir:5:7: text after .else is ignored (as ngspice does)", "w.cir:7:8: text after .endif is ignored (as ngspice does)"], n.Warnings);
    }
}
