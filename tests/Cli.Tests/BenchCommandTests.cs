namespace Hwsim.Cli.Tests;

/// <summary><c>hwsim bench</c>: the table it prints for a case, and its bad-input errors. No timing is asserted.</summary>
public class BenchCommandTests
{
    [Fact]
    public void When_SmallCrossbarWithoutNgspice_Expect_RowWithItsSizeAndFill()
    {
        var (code, output, err) = CliRunner.Run("bench", "crossbar32", "--repeat", "1", "--ngspice", "never");

        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("case", lines[0]);
        foreach (var column in new[] { "unknowns", "LU nnz", "ours first", "ours best", "hwsim run", "ngspice", "speed-up" })
            Assert.Contains(column, lines[0]);
        var row = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("crossbar32", row[0]);
        Assert.Equal("2080", row[1]);                     // 2N^2 + N unknowns
        Assert.InRange(int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), 2 * 2080, 60_000);
    }

    [Fact]
    public void When_UnknownCase_Expect_ErrorNamingTheKnownOnesAndExit2()
    {
        var (code, _, err) = CliRunner.Run("bench", "crossbar7");

        Assert.Equal(2, code);
        Assert.Contains("unknown benchmark case 'crossbar7'", err);
        Assert.Contains("rcladder1000", err);
    }

    [Fact]
    public void When_RepeatBelowOne_Expect_Exit2()
    {
        var (code, _, err) = CliRunner.Run("bench", "crossbar32", "--repeat", "0");

        Assert.Equal(2, code);
        Assert.Contains("--repeat", err);
    }
}
