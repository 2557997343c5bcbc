using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Demos;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Netlist;
using Hwsim.Verification;
using Hwsim.TestSupport;

namespace Hwsim.Bridge.Tests;

/// <summary>The exported demo circuits in netlists/demos: up to date, and the same in ngspice and in our engine.</summary>
public class DemoNetlistTests
{
    private static string Folder => Path.Combine(RepoFiles.Root, "netlists", "demos");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var d in BridgeDemos.All)
            foreach (var level in new[] { "ideal", "macro" })
                data.Add($"{d.Name}.{level}.cir");
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void When_DemoExportedAgain_Expect_TheCheckedInNetlist(string file)
    {
        var parts = file.Split('.');
        var demo = BridgeDemos.Find(parts[0])!;
        var c = demo.ToCase(RepoFiles.Models);
        FidelityLevels.TryParse(parts[1], out var level);
        var text = NetworkCompiler.Compile(c.Model, level).NetlistWithInputs(c.Inputs[0]);
        Assert.True(File.ReadAllText(Path.Combine(Folder, file)) == text,
            $"{file} is stale: regenerate with hwsim netlist {parts[0]} --level {parts[1]} -o netlists/demos/{file}");
    }

    [NgspiceTheory]
    [MemberData(nameof(Files))]
    public void When_DemoNetlistRunInBothEngines_Expect_SameOperatingPoint(string file)
    {
        var run = BothEngines.Run(Path.Combine(Folder, file));
        Assert.Single(run.Ours);
        BothEngines.AssertAgree(run);
    }
}
