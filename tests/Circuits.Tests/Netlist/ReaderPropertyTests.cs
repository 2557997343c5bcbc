using CsCheck;
using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>
/// Properties of the expression parser and the netlist reader on arbitrary text: they fail only with their own
/// exception types (file, line and column, never a crash of another kind), and what they accept reads back the same.
/// </summary>
public sealed class ReaderPropertyTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("HWSIM_PROPERTY_ITER"), out var n) ? n : 3000;

    private const string ExpressionCharacters = "0123456789.eEkmunpfgt+-*/%^!<>=&|?:(),{} abxvi_'\"\t";

    [Fact]
    public void When_ExpressionTextIsArbitrary_Expect_ParsedOrExpressionExceptionAndStableReprint()
    {
        var parsedCount = 0;
        Gen.String[Gen.Char[ExpressionCharacters], 0, 60].Sample(text =>
        {
            Expression parsed;
            try
            {
                parsed = ExpressionParser.Parse(text);
            }
            catch (ExpressionException)
            {
                return;
            }
            Interlocked.Increment(ref parsedCount);
            var printed = parsed.ToString();
            Assert.Equal(parsed, ExpressionParser.Parse(printed));
            try
            {
                var value = parsed.Evaluate(ParameterScope.Empty);
                Assert.False(double.IsNaN(value));
            }
            catch (ExpressionException)
            {
            }
        }, iter: Iterations, seed: "0N0XIzNsQ0O2");
        Assert.True(parsedCount > 0);
    }

    private static readonly string[] Fragments =
    [
        "R1", "C1", "L1", "V1", "I1", "D1", "Q1", "M1", "B1", "E1", "G1", "X1", "S1", "K1", "in", "out", "0", "gnd", "a",
        "1k", "1n", "-1", "0", "1e308", "1e400", "nan", "{1/0}", "{a*2}", "{", "}", "(", ")", "=", ",", "'", "V=v(in)*2",
        ".op", ".dc", ".ac", ".tran", "dec", "lin", ".param", "a=1", ".func", "f(x)", "x*x", ".subckt", ".ends", "sub",
        ".model", "dm", "D", "is=1e-14", ".include", "nothing.inc", ".ic", "v(a)=1", ".options", "reltol=1e-3", ".end",
        "pulse(0", "1", "1n", "1n)", "sin(0", "1k)", "pwl(0", "0", "1", "1)", "ac", "dc", "params:", "+", "*", ";", "\0",
    ];

    private static readonly Gen<string> NetlistText =
        Gen.Int[0, Fragments.Length - 1].Array[0, 8].Array[1, 12]
            .Select(lines => "title\n" + string.Join("\n", lines.Select(l => string.Join(" ", l.Select(i => Fragments[i])))));

    [Fact]
    public void When_NetlistTextIsArbitrary_Expect_OnlyNetlistOrLimitExceptions()
    {
        // An empty folder of its own: '.include a' must not find a file that another program left in /tmp.
        var folder = Directory.CreateTempSubdirectory("hwsim-reader-property").FullName;
        var limits = ResourceLimits.Sandbox(folder) with { MaxPoints = 1000 };
        var readCount = 0;
        NetlistText.Sample(text =>
        {
            try
            {
                var netlist = NetlistReader.Parse(text, "fuzz.cir", folder, limits);
                // What was read is written back as a netlist that reads to the same entities.
                var written = NetlistWriter.Write(netlist);
                ParsedNetlist again;
                try
                {
                    again = NetlistReader.Parse(written, "again.cir", folder, limits);
                }
                catch (Exception e) when (e is NetlistException or LimitExceededException)
                {
                    throw new Xunit.Sdk.XunitException($"written back, it does not read: {e.Message}\nread:\n{text}\nwritten:\n{written}");
                }
                Assert.Equal(netlist.Circuit.Count, again.Circuit.Count);
                Interlocked.Increment(ref readCount);
            }
            catch (NetlistException e)
            {
                Assert.True(e.Message.StartsWith("fuzz.cir:", StringComparison.Ordinal), $"{e.Message}\nfrom:\n{text}");
            }
            catch (LimitExceededException)
            {
            }
        }, iter: Iterations, seed: "0N0XIzNsQ0O2");
        Assert.True(readCount > 0);
        Directory.Delete(folder, true);
    }
}
