using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Hwsim.Circuits.Results;

namespace Hwsim.Verification.Tests;

/// <summary>The rawfile reader on hand-made files in both encodings (no ngspice needed).</summary>
public sealed class RawFileReaderTests
{
    private static readonly string[] TranNames = ["time", "v(in)", "v(out)", "i(v1)"];
    private static readonly string[] TranTypes = ["time", "voltage", "voltage", "current"];

    private static readonly double[][] TranRows =
    [
        [0.0, 0.0, 0.0, 0.0],
        [1e-9, 1.0, 1e-3, -1e-3],
        [2e-9, 1.0, 0.1 + 0.2, -9.9e-4],
    ];

    [Fact]
    public void When_BinaryRealPlot_Expect_ExactDoubles()
    {
        var plots = RawFileReader.Parse(Binary("Transient Analysis", TranNames, TranTypes, TranRows));

        var plot = Assert.Single(plots);
        Assert.Equal(AnalysisKind.Transient, plot.Analysis);
        Assert.Equal(3, plot.PointCount);
        Assert.Equal("time", plot.Scale!.Name);
        Assert.Equal(VectorKind.Scale, plot.Scale.Kind);
        Assert.Equal(0.1 + 0.2, plot.Value("v(out)", 2)); // bit-exact, 0.30000000000000004
        Assert.Equal(-1e-3, plot.Value("I(V1)", 1));
        Assert.Equal(["time", "v(in)", "v(out)", "i(v1)"], plot.VectorNames);
    }

    [Fact]
    public void When_AsciiRealPlot_Expect_SameValuesAsBinary()
    {
        var ascii = RawFileReader.Parse(Ascii("Transient Analysis", TranNames, TranTypes, TranRows.Select(r => r.Select(x => new Complex(x, 0)).ToArray()).ToArray(), complex: false));
        var binary = RawFileReader.Parse(Binary("Transient Analysis", TranNames, TranTypes, TranRows));

        foreach (var name in TranNames)
        {
            // ngspice prints %.15e: 16 significant digits, so equal to about one part in 1e15.
            var b = binary[0].RealValues(name);
            var a = ascii[0].RealValues(name);
            Assert.Equal(b.Count, a.Count);
            for (var i = 0; i < b.Count; i++)
            {
                Assert.Equal(b[i], a[i], 1e-15 * Math.Max(1e-300, Math.Abs(b[i])));
            }
        }
    }

    [Fact]
    public void When_ComplexPlot_Expect_ComplexVectorsAndRealFrequency()
    {
        string[] names = ["frequency", "v(out)", "i(v1)"];
        string[] types = ["frequency", "voltage", "current"];
        Complex[][] rows =
        [
            [new(10, 1e-300), new(1, -0.5), new(-1e-3, 2e-4)],
            [new(100, 0), new(0.5, -0.5), new(-5e-4, 5e-4)],
        ];

        foreach (var data in new[] { BinaryComplex("AC Analysis", names, types, rows), Ascii("AC Analysis", names, types, rows, complex: true) })
        {
            var plot = Assert.Single(RawFileReader.Parse(data));
            Assert.Equal(AnalysisKind.Ac, plot.Analysis);
            Assert.True(plot.IsComplex);
            Assert.False(plot.Scale!.IsComplex);
            Assert.Equal([10.0, 100.0], plot.Scale.Real);
            Assert.Equal(new Complex(0.5, -0.5), plot.ComplexValues("v(out)")[1]);
            Assert.Equal(new Complex(-1e-3, 2e-4), plot["i(v1)"].At(0));
        }
    }

    [Fact]
    public void When_SeveralPlots_Expect_AllInFileOrder()
    {
        var op = Binary("Operating Point", ["v(in)", "i(v1)"], ["voltage", "current"], [[1.0, -1e-3]]);
        var dc = Binary("DC transfer characteristic", ["v(v-sweep)", "v(in)"], ["voltage", "voltage"], [[0.0, 0.0], [1.0, 1.0]]);
        var plots = RawFileReader.Parse([.. op, .. dc]);

        Assert.Equal([AnalysisKind.OperatingPoint, AnalysisKind.DcSweep], plots.Select(p => p.Analysis));
        Assert.Null(plots[0].Scale);
        Assert.Equal(1.0, plots[0].Value("v(in)"));
        Assert.Equal("v(v-sweep)", plots[1].Scale!.Name);
    }

    [Fact]
    public void When_OldStyleBareNames_Expect_NormalisedNames()
    {
        var data = Binary("Operating Point", ["in", "x1.n1", "v1#branch", "v.x1.v2#branch", "@r1[i]"],
            ["voltage", "voltage", "current", "current", "current"], [[1, 2, 3, 4, 5]]);
        var plot = Assert.Single(RawFileReader.Parse(data));

        Assert.Equal(["v(in)", "v(x1.n1)", "i(v1)", "i(v.x1.v2)", "@r1[i]"], plot.VectorNames);
        Assert.Equal("v1#branch", plot["i(v1)"].RawName);
        Assert.Equal(["@r1[i]"], plot.OtherVectorNames);
        Assert.Equal(["v(in)", "v(x1.n1)", "i(v1)", "i(v.x1.v2)"], plot.ToVectorSet().Names);
        Assert.Contains("@r1[i]", plot.ToVectorSet(includeDeviceQuantities: true).Names);
    }

    [Fact]
    public void When_BinaryTruncated_Expect_FormatExceptionNamingTheFile()
    {
        var data = Binary("Transient Analysis", TranNames, TranTypes, TranRows);
        var ex = Assert.Throws<RawFileFormatException>(() => RawFileReader.Parse(data[..^8], "cut.raw"));
        Assert.Contains("cut.raw", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void When_AsciiValueGarbled_Expect_FormatException()
    {
        var text = Encoding.ASCII.GetString(Ascii("Operating Point", ["v(a)"], ["voltage"], [[Complex.One]], complex: false))
            .Replace("1.000000000000000e+00", "1.0x", StringComparison.Ordinal);
        var ex = Assert.Throws<RawFileFormatException>(() => RawFileReader.Parse(Encoding.ASCII.GetBytes(text)));
        Assert.Contains("'1.0x' is not a number", ex.Message);
    }

    [Fact]
    public void When_UnknownVectorAsked_Expect_MessageListingThePresentOnes()
    {
        var plot = RawFileReader.Parse(Binary("Transient Analysis", TranNames, TranTypes, TranRows))[0];
        var ex = Assert.Throws<KeyNotFoundException>(() => plot["v(nowhere)"]);
        Assert.Contains("v(out)", ex.Message);
    }

    private static string Header(string plotName, string flags, string[] names, string[] types, int points)
    {
        var text = new StringBuilder();
        text.Append("Title: synthetic\nDate: today\nPlotname: ").Append(plotName).Append('\n');
        text.Append("Flags: ").Append(flags).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"No. Variables: {names.Length}\nNo. Points: {points}       \nVariables:\n");
        for (var i = 0; i < names.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\t{i}\t{names[i]}\t{types[i]}\n");
        }

        return text.ToString();
    }

    private static byte[] Binary(string plotName, string[] names, string[] types, double[][] rows)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(Header(plotName, "real", names, types, rows.Length) + "Binary:\n"));
        var buffer = new byte[8];
        foreach (var x in rows.SelectMany(r => r))
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, x);
            bytes.AddRange(buffer);
        }

        return [.. bytes];
    }

    private static byte[] BinaryComplex(string plotName, string[] names, string[] types, Complex[][] rows)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(Header(plotName, "complex", names, types, rows.Length) + "Binary:\n"));
        var buffer = new byte[8];
        foreach (var z in rows.SelectMany(r => r))
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, z.Real);
            bytes.AddRange(buffer);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, z.Imaginary);
            bytes.AddRange(buffer);
        }

        return [.. bytes];
    }

    private static byte[] Ascii(string plotName, string[] names, string[] types, Complex[][] rows, bool complex)
    {
        var text = new StringBuilder(Header(plotName, complex ? "complex" : "real", names, types, rows.Length)).Append("Values:\n");
        for (var p = 0; p < rows.Length; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $" {p}");
            foreach (var z in rows[p])
            {
                var value = complex ? $"{Number(z.Real)},{Number(z.Imaginary)}" : Number(z.Real);
                text.Append('\t').Append(value).Append('\n');
            }
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    // Like C's %.15e, as ngspice prints values.
    private static string Number(double x) => x.ToString("0.000000000000000e+00", CultureInfo.InvariantCulture);
}
