namespace Hwsim.Cli.Tests;

/// <summary>
/// <c>.four</c> in <c>hwsim run</c>: after each transient, ngspice's table of harmonics of each vector named (the tables'
/// text is held against <c>ngspice -b</c> in Circuits.Tests' FourierAnalysisTests).
/// </summary>
public sealed class FourierCardTests
{
    private const string Netlist = """
        fourier of a piecewise-linear wave through a divider
        v1 1 0 pwl(0 0 0.1m 1 0.5m 1 0.6m -0.5 1m 0 1.1m 1 1.5m 1 1.6m -0.5 2m 0)
        r1 1 2 1k
        r2 2 0 3k
        .tran 10u 2m
        .four 1k v(2) v(1,2) i(v1)
        .end
        """;

    [Fact]
    public void When_FourCardAfterTransient_Expect_ATablePerVector()
    {
        var file = CliRunner.TempFile("four.cir", Netlist + "\n");

        var (code, output, err) = CliRunner.Run("run", file);

        Assert.True(code == 0, err);
        var tables = Tables(output);
        Assert.Equal(3 * 15, tables.Count); // three tables: title, summary, blank, header, rule, ten harmonics
        Assert.Equal(["Fourier analysis for v(2):", "Fourier analysis for v(1,2):", "Fourier analysis for i(v1):"], tables.Where(l => l.StartsWith("Fourier", StringComparison.Ordinal)));
        Assert.StartsWith(" 1       1000        ", tables[6], StringComparison.Ordinal);
    }

    [Fact]
    public void When_FourCardHasNoPositiveFrequency_Expect_FileLineColumn()
    {
        var file = CliRunner.TempFile("four.cir", Netlist.Replace(".four 1k", ".four 0", StringComparison.Ordinal) + "\n");

        var (code, _, err) = CliRunner.Run("run", file);

        Assert.Equal(2, code);
        Assert.Contains($"{file}:6:7: .four: the fundamental frequency must be positive", err, StringComparison.Ordinal);
    }

    /// <summary>The lines from each "Fourier analysis for" through its table, trailing blanks trimmed.</summary>
    private static List<string> Tables(string text)
    {
        var lines = new List<string>();
        var left = 0;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("Fourier analysis for", StringComparison.Ordinal)) left = 15;
            if (left-- > 0) lines.Add(line);
        }
        return lines;
    }
}
