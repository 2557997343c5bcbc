using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>
/// How foundry and vendor model files are organised: <c>.lib FILE SECTION</c> takes one section (<c>.lib NAME</c> to
/// <c>.endl</c>) of a library file, a section may name others; <c>.global</c> nodes are the same node inside every
/// sub-circuit. Checked against ngspice 39 on the same files, and bad uses name file:line:column.
/// </summary>
public sealed class LibraryAndGlobalTests
{
    private const string Library = """
        * corners of a diode and a resistor
        .model dignored d is=1
        .lib typ
        .model dmod d is=1e-14 n=1.0
        .lib 'models.lib' res
        .endl typ
        .lib fast
        .model dmod d is=1e-12 n=1.2
        .lib models.lib res
        .endl fast
        .lib res
        .param rload=2k
        .endl
        """;

    private static string Netlist(string corner) => $"""
        library corner {corner}
        .lib models.lib {corner}
        .global vdd
        vs vdd 0 3
        x1 out clamp
        rl out 0 {"{rload}"}
        .subckt clamp o
        r1 vdd o 1k
        d1 o 0 dmod
        .ends
        .op
        .end
        """;

    private static string Folder(string corner)
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-lib").FullName;
        File.WriteAllText(Path.Combine(dir, "models.lib"), Library);
        File.WriteAllText(Path.Combine(dir, "top.cir"), Netlist(corner));
        return dir;
    }

    [Theory]
    [InlineData("typ", 1e-14, 1.0)]
    [InlineData("fast", 1e-12, 1.2)]
    public void When_LibSection_Expect_ThatSectionsModelsAndNestedSections(string corner, double saturation, double emission)
    {
        var n = NetlistReader.ReadFile(Path.Combine(Folder(corner), "top.cir"));

        var model = Assert.IsType<DiodeModel>(n.Circuit["dmod"]);
        Assert.Equal(saturation, model.SaturationCurrent);
        Assert.Equal(emission, model.EmissionCoefficient);
        Assert.False(n.Circuit.TryGet("dignored", out _));      // outside every section: not read
        Assert.True(n.Parameters.TryGetValue("rload", out var rload));
        Assert.Equal(2000, rload);                               // from the nested section
        Assert.Empty(n.Warnings);
    }

    [NgspiceTheory]
    [InlineData("typ")]
    [InlineData("fast")]
    public void When_LibAndGlobalRun_Expect_NgspicesOperatingPoint(string corner)
    {
        var path = Path.Combine(Folder(corner), "top.cir");
        var ours = NetlistRun.RunAll(NetlistReader.ReadFile(path)).Single();
        var theirs = new NgspiceRunner().Run(path).Plot(AnalysisKind.OperatingPoint);

        // vdd reaches the sub-circuit through .global: without it r1 would hang from a node of its own
        var vout = ours["v(out)"].Real[0];
        Assert.InRange(vout, 0.4, 1.0);
        Assert.Equal(theirs.Value("v(out)"), vout, 1e-9);
        Assert.Equal(theirs.Value("i(vs)"), ours["i(vs)"].Real[0], 1e-12);
    }

    [Theory]
    [InlineData(".lib models.lib slow", "top.cir:2:17: .lib: no section 'slow' in 'models.lib' (it has: typ, fast, res)")]
    [InlineData(".lib models.lib", "top.cir:2:1: .lib: give a library file and a section")]
    [InlineData(".lib nofile.lib typ", "top.cir:2:6: .lib: file 'nofile.lib' not found")]
    [InlineData(".endl", "top.cir:2:1: .endl without .lib")]
    public void When_LibMisused_Expect_ErrorAtFileLineColumn(string line, string message)
    {
        var dir = Folder("typ");
        var path = Path.Combine(dir, "top.cir");
        File.WriteAllText(path, File.ReadAllText(path).Replace(".lib models.lib typ", line, StringComparison.Ordinal));

        var e = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(path));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_SectionNamesItself_Expect_ErrorNotALoop()
    {
        var dir = Folder("typ");
        File.WriteAllText(Path.Combine(dir, "models.lib"), ".lib typ\n.lib models.lib typ\n.endl\n");

        var e = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(Path.Combine(dir, "top.cir")));

        Assert.Contains("section 'typ' of 'models.lib' names itself", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_SectionNotClosed_Expect_ErrorAtItsStart()
    {
        var dir = Folder("typ");
        File.WriteAllText(Path.Combine(dir, "models.lib"), "* lib\n.lib typ\n.model dmod d\n");

        var e = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(Path.Combine(dir, "top.cir")));

        Assert.Contains("models.lib:2:1: .lib typ: the section has no .endl", e.Message, StringComparison.Ordinal);
    }
}
