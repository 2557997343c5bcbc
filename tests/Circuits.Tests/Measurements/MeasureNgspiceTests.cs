using Hwsim.Circuits.Measurements;
using System.Text.RegularExpressions;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;
using Hwsim.TestSupport;
using Hwsim.Verification;

namespace Hwsim.Circuits.Tests.Measurements;

/// <summary>
/// netlists/measure holds a transient, an AC and a DC netlist using every .meas function ngspice 39 has. Two checks
/// against ngspice: on ngspice's own waveforms (read back from its rawfile) our measurements print exactly the lines
/// ngspice prints, failures included; and run end to end in our engine they agree with ngspice's values to the
/// printed precision.
/// </summary>
public sealed class MeasureNgspiceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static string Folder => Path.Combine(RepoPaths.Root, "netlists", "measure");

    public static TheoryData<string> Files => new(Directory.GetFiles(Folder, "*_measures.cir").Select(Path.GetFileName).Order()!);

    [NgspiceTheory]
    [MemberData(nameof(Files))]
    public void When_MeasuredOnNgspiceWaveforms_Expect_NgspicesPrintedLines(string file)
    {
        var path = Path.Combine(Folder, file);
        var runner = new NgspiceRunner();
        var printed = runner.RunBatch(path);
        var plot = Assert.Single(runner.Run(path).Plots);
        var netlist = NetlistReader.ReadFile(path);

        var ours = new MeasurementRunner(netlist.Outputs.Measures, netlist.Parameters).Measure(plot.ToAnalysisResult());

        Assert.Equal(printed.MeasurementLines, ours.Where(m => m.Line.Length > 0).Select(m => m.Line));
        foreach (var failed in ours.Where(m => m.Error is not null))
            Assert.Contains(failed.Error!.Trim(), printed.Errors.Replace("\r", ""), StringComparison.Ordinal);
        output.WriteLine(string.Join("\n", ours.Select(m => m.Line)));
    }

    [NgspiceTheory]
    [MemberData(nameof(Files))]
    public void When_MeasuredOnOurWaveforms_Expect_NgspicesValues(string file)
    {
        var path = Path.Combine(Folder, file);
        var expected = new NgspiceRunner().RunBatch(path).Measurements;
        var ours = NetlistRun.RunAll(NetlistReader.ReadFile(path)).SelectMany(r => r.Measurements).ToArray();

        Assert.Equal(expected.Keys.Order(), ours.Where(m => m.Succeeded).Select(m => m.Name).Order());
        foreach (var m in ours.Where(m => m.Succeeded))
        {
            // ngspice prints 6 or 7 significant digits (half a unit of the last is up to 5e-6 relative). The two
            // engines' time points part after the second pulse edge (measured: from t = 11.001 us on, ngspice steps
            // 1 ns after the breakpoint and we 1.7 ns), so events interpolated there differ by up to 1.25e-5 relative
            // (trise2, tlast); everything before agrees to the printed digits.
            var e = expected[m.Name];
            var a = m.Value!.Value;
            output.WriteLine($"{m.Name}: ngspice {e:G7}, ours {a:G10}");
            Assert.True(Math.Abs(a - e) <= (2e-5 * Math.Abs(e)) + 1e-15, $"{file} {m.Name}: ngspice {e:G7}, ours {a:G10}");
        }
    }

    [NgspiceTheory]
    [InlineData("print_tran.cir")] // five vectors: two page groups, 60-line pages
    [InlineData("print_ac.cir")]   // magnitude, phase, dB, real part and a complex column
    public void When_PrintTablesOfNgspiceWaveforms_Expect_NgspicesTextExactly(string file)
    {
        var path = Path.Combine(Folder, file);
        var runner = new NgspiceRunner();
        var printed = runner.RunBatch(path).Output;
        var plot = Assert.Single(runner.Run(path).Plots);
        var netlist = NetlistReader.ReadFile(path);
        var ours = new StringWriter();

        PrintTable.Write(ours, netlist.Title, plot.ToAnalysisResult(), Assert.Single(netlist.Outputs.Prints).Vectors, DateTime.Now);

        Assert.Contains(WithoutDates(ours.ToString()), WithoutDates(printed), StringComparison.Ordinal);
        Assert.True(ours.ToString().Split('\n').Length > 50);
    }

    private static string WithoutDates(string text) =>
        Regex.Replace(text, @"  [A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d  \d{4}\n", "  DATE\n");
}
