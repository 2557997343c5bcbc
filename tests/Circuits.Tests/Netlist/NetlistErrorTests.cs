using Hwsim.Circuits.Netlist;

namespace Hwsim.Circuits.Tests.Netlist;

/// <summary>Bad input gets one clear error naming file, line and column (or the node or device).</summary>
public class NetlistErrorTests
{
    private static NetlistException Fails(string text) => Assert.Throws<NetlistException>(() => NetlistReader.Parse(text, "bad.cir"));

    [Fact]
    public void When_ValueHasTypo_Expect_LineAndColumnOfTheToken()
    {
        var e = Fails("t\nV1 a 0 1\nR1 a 0 1kk2x\n.op\n");
        // "1kk2x" still reads as 1k with unit letters, as in SPICE; a real typo is a non-number:
        e = Fails("t\nV1 a 0 1\nR1 a 0 abc\n.op\n");
        Assert.Equal(new SourceLocation("bad.cir", 3, 8), e.Location);
        Assert.Contains("abc", e.Message);
        Assert.StartsWith("bad.cir:3:8:", e.Message);
    }

    [Fact]
    public void When_UnknownElement_Expect_ErrorNamingTheLetter()
    {
        var e = Fails("t\nV1 a 0 1\nW1 a 0 1k\n.op\n");
        Assert.Equal(3, e.Location.Line);
        Assert.Contains("unknown element type 'W'", e.Message);
    }

    [Fact]
    public void When_NodeMissing_Expect_ErrorAtEndOfLine()
    {
        var e = Fails("t\nV1 a 0 1\nR1 a 1k\n.op\n");
        Assert.Equal(3, e.Location.Line);
        Assert.Contains("missing resistance", e.Message);
    }

    [Fact]
    public void When_ModelUndefined_Expect_ErrorNamingTheModel()
    {
        var e = Fails("t\nV1 a 0 1\nD1 a 0 nosuch\n.op\n");
        Assert.Contains("model nosuch is not defined", e.Message);
        Assert.Equal(3, e.Location.Line);
    }

    [Fact]
    public void When_ParameterUndefined_Expect_ColumnInsideTheExpression()
    {
        var e = Fails("t\nV1 a 0 1\nR1 a 0 {2*rx}\n.op\n");
        Assert.Equal(3, e.Location.Line);
        Assert.Equal(11, e.Location.Column);
        Assert.Contains("rx", e.Message);
    }

    [Fact]
    public void When_UnknownControlLine_Expect_Error()
    {
        var e = Fails("t\nV1 a 0 1\nR1 a 0 1k\n.tarn 1u 1m\n");
        Assert.Contains("unknown control line '.tarn'", e.Message);
        Assert.Equal(4, e.Location.Line);
    }

    [Fact]
    public void When_SubcircuitPortCountWrong_Expect_ErrorWithBothCounts()
    {
        var e = Fails("t\n.subckt s a b\nR1 a b 1\n.ends\nX1 n1 s\nV1 n1 0 1\n.op\n");
        Assert.Contains("has 2 ports", e.Message);
    }

    [Fact]
    public void When_IncludeMissing_Expect_ErrorAtIncludeLine()
    {
        var e = Fails("t\n.include nothere.inc\n");
        Assert.Equal(2, e.Location.Line);
        Assert.Contains("not found", e.Message);
    }
}
