using Hwsim.Nn.Data;

namespace Hwsim.Nn.Tests;

/// <summary>CSV reading: numbers in, errors naming file, line and column.</summary>
public sealed class CsvTableTests
{
    [Fact]
    public void When_ValidCsv_Expect_HeaderAndRows()
    {
        var t = CsvTable.Parse("a,b\n1,2.5\n\n-3e-2, 4\r\n", "x.csv");
        Assert.Equal(["a", "b"], t.Header);
        Assert.Equal([[1, 2.5], [-0.03, 4]], t.Rows);
        Assert.Equal(t.Rows, CsvTable.Parse(t.ToCsv(), "y.csv").Rows);
    }

    [Fact]
    public void When_NotANumber_Expect_FileLineAndColumn()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Parse("a,b\n1,2\n3,abc\n", "in.csv"));
        Assert.Equal(("in.csv", 3, (int?)2), (e.File, e.Line, e.Column));
        Assert.StartsWith("in.csv:3:2: 'abc' in column 'b'", e.Message);
    }

    [Fact]
    public void When_WrongFieldCount_Expect_FileAndLine()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Parse("a,b\n1,2,3\n", "in.csv"));
        Assert.Equal(2, e.Line);
        Assert.Contains("3 fields, but the header has 2", e.Message);
    }

    [Fact]
    public void When_Empty_Expect_Error() =>
        Assert.Contains("header", Assert.Throws<CsvFormatException>(() => CsvTable.Parse("\n", "e.csv")).Message);
}
