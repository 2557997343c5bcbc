using System.Numerics;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.TestSupport;

namespace Hwsim.Verification.Tests;

/// <summary>
/// Our rawfiles: read back by our reader value for value, and by ngspice itself: its <c>load</c> command opens the
/// file and its <c>write</c> command writes the same vectors back out, equal to ours bit for bit.
/// </summary>
public sealed class RawFileWriterTests
{
    private const string Netlist = """
        four analyses
        v1 in 0 dc 1 ac 1 pulse(0 1 0 1u 1u 2u 4u)
        r1 in out 1k
        c1 out 0 1n
        l1 out x 1m
        r2 x 0 10
        .op
        .dc v1 0 1 0.25
        .ac dec 3 1k 1meg
        .tran 0.2u 6u
        .end
        """;

    private static (string Dir, IReadOnlyList<AnalysisResult> Results) Run()
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-raw").FullName;
        return (dir, NetlistRun.RunAll(NetlistReader.Parse(Netlist, "four.cir")));
    }

    private static string Write(string dir, IReadOnlyList<AnalysisResult> results, RawFileFormat format)
    {
        var path = Path.Combine(dir, format == RawFileFormat.Binary ? "ours.raw" : "ours-ascii.raw");
        using var stream = File.Create(path);
        var writer = new RawFileWriter(stream, format);
        foreach (var r in results) writer.WritePlot("four analyses", r, new DateTime(2026, 12, 3));
        return path;
    }

    private static void AssertSame(AnalysisResult expected, NgspicePlot actual, double tolerance)
    {
        Assert.Equal(expected.Kind, actual.Analysis);
        Assert.Equal(expected.Points, actual.PointCount);
        foreach (var v in expected.AllVectors)
        {
            var name = RawFileWriter.Variable(v.Name).Name;
            var got = actual.ComplexValues(name);
            for (var k = 0; k < v.Length; k++)
            {
                var want = v.Complex is { } c ? c[k] : new Complex(v.Real[k], 0);
                Assert.True(Complex.Abs(want - got[k]) <= tolerance * Math.Max(1e-300, Complex.Abs(want)) || want == got[k],
                    $"{actual.Name} {name}[{k}]: wrote {want}, read {got[k]}");
            }
        }
    }

    [Theory]
    [InlineData(RawFileFormat.Binary, 0.0)]
    [InlineData(RawFileFormat.Ascii, 1e-15)]
    public void When_WrittenAndReadBack_Expect_EveryPlotAndValue(RawFileFormat format, double tolerance)
    {
        var (dir, results) = Run();
        var plots = RawFileReader.Read(Write(dir, results, format));

        Assert.Equal(results.Count, plots.Count);
        for (var i = 0; i < results.Count; i++) AssertSame(results[i], plots[i], tolerance);
        Assert.Equal(["frequency", "v(in)", "i(v1)", "v(out)", "v(x)", "i(l1)"], plots[2].Vectors.Select(v => v.Name));
    }

    [Fact]
    public void When_PointsStreamed_Expect_CountFilledInAtTheEnd()
    {
        using var stream = new MemoryStream();
        var writer = new RawFileWriter(stream, RawFileFormat.Ascii);
        writer.BeginPlot("t", new DateTime(2026, 1, 2, 3, 4, 5), "Transient Analysis", false, [("time", "time"), ("v(a)", "voltage")]);
        for (var k = 0; k < 12; k++) writer.AddPoint([k * 1e-9, k * 0.5]);
        writer.EndPlot();

        var text = System.Text.Encoding.ASCII.GetString(stream.ToArray());
        Assert.StartsWith("Title: t\nDate: Fri Jan  2 03:04:05  2026\nPlotname: Transient Analysis\nFlags: real\nNo. Variables: 2\nNo. Points: 12      \nVariables:\n\t0\ttime\ttime\n\t1\tv(a)\tvoltage\nValues:\n0\t\t0.000000000000000e+00\n\t0.000000000000000e+00\n", text);
    }

    [NgspiceFact]
    public void When_NgspiceLoadsOurRawfile_Expect_ItWritesTheSameVectorsBack()
    {
        var (dir, results) = Run();
        var ours = Write(dir, results, RawFileFormat.Binary);
        var names = new[] { "op1", "dc1", "ac1", "tran1" };
        var script = Path.Combine(dir, "load.cir");
        File.WriteAllText(script, $"""
            load our rawfile and write it back
            .control
            set filetype=binary
            load {ours}
            {string.Join("\n", names.Select(n => $"setplot {n}\nwrite {Path.Combine(dir, n + ".raw")}"))}
            .endc
            .end
            """);

        var run = new NgspiceRunner().RunBatch(script);

        // (ngspice exits 1 here: the script runs no simulation)
        Assert.True(names.All(n => File.Exists(Path.Combine(dir, n + ".raw"))), run.Output + run.Errors);
        for (var i = 0; i < names.Length; i++)
            AssertSame(results[i], Assert.Single(RawFileReader.Read(Path.Combine(dir, names[i] + ".raw"))), 0.0);
    }
}
