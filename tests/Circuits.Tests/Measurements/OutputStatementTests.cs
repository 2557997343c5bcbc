using Hwsim.Circuits.Measurements;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Tests.Measurements;

/// <summary>.save/.probe, .print and .meas lines: what they keep, and one located error for each kind of bad line.</summary>
public sealed class OutputStatementTests
{
    private const string Rc = "rc\nv1 in 0 dc 1 ac 1\nr1 in out 1k\nc1 out 0 1n\n";

    private static ParsedNetlist Parse(string lines) => NetlistReader.Parse(Rc + lines + "\n.end\n", "rc.cir");

    [Fact]
    public void When_SaveNamesVectorsAndForms_Expect_OnlyThoseKeptNamedAsWritten()
    {
        var ac = NetlistRun.RunAll(Parse(".save v(out) vdb(out) vp(out)\n.probe i(v1)\n.ac dec 2 1k 1meg"))[0];

        Assert.Equal(["v(out)", "vdb(out)", "vp(out)", "i(v1)"], ac.Vectors.Select(v => v.Name));
        Assert.True(ac["v(out)"].IsComplex);
        for (var k = 0; k < ac.Points; k++)
        {
            var z = ac["v(out)"].Complex![k];
            Assert.Equal(20 * Math.Log10(z.Magnitude), ac["vdb(out)"].Real[k], 12);
            Assert.Equal(Math.Atan2(z.Imaginary, z.Real), ac["vp(out)"].Real[k], 12);
        }
        Assert.Equal("frequency,vr(out),vi(out),vdb(out),vp(out),ir(v1),ii(v1)", CsvExport.ToCsv(ac).Split('\n')[0]);
    }

    [Fact]
    public void When_SaveWithPrintAndMeas_Expect_TheirVectorsKeptToo()
    {
        var tran = NetlistRun.RunAll(Parse(".save v(out)\n.print tran v(in)\n.meas tran q integ i(v1)\n.tran 1u 5u"))[0];

        Assert.Equal(["v(out)", "v(in)", "i(v1)"], tran.Vectors.Select(v => v.Name));
        Assert.Single(tran.Measurements);
    }

    [Fact]
    public void When_SaveAllOrNoSave_Expect_EveryVector()
    {
        var all = NetlistRun.RunAll(Parse(".save all v(out)\n.op"))[0];
        var none = NetlistRun.RunAll(Parse(".op"))[0];

        Assert.Equal(none.Vectors.Select(v => v.Name), all.Vectors.Select(v => v.Name));
        Assert.Equal(3, none.Vectors.Count);
    }

    [Fact]
    public void When_DifferenceSaved_Expect_VoltageBetweenTheNodes()
    {
        var op = NetlistRun.RunAll(Parse(".save v(in,out) v(0,out)\n.op"))[0];

        Assert.Equal(["v(in,out)", "v(0,out)"], op.Vectors.Select(v => v.Name));
        Assert.Equal(0.0, op.Value("v(in,out)"), 12);
        Assert.Equal(-1.0, op.Value("v(0,out)"), 12);
    }

    [Theory]
    [InlineData(".save v(nowhere)\n.op", "rc.cir:5:7: .save: no vector v(nowhere) (the circuit has no node nowhere)")]
    [InlineData(".print tran i(r1)\n.tran 1u 2u", "rc.cir:5:13: .print: no vector i(r1) (r1 is not a voltage source, inductor or E/H/B element with a branch current)")]
    [InlineData(".tran 1u 2u\n.meas tran x find v(out2) at=1u", "rc.cir:6:19: .meas: no vector v(out2) (the circuit has no node out2)")]
    [InlineData(".tran 1u 2u\n.meas tran x deriv v(out) at=1u", "rc.cir:6:14: .meas x: unknown or unsupported function 'deriv'")]
    [InlineData(".tran 1u 2u\n.meas noise x find v(out) at=1u", "rc.cir:6:7: .meas: expected the analysis tran, ac or dc, got 'noise'")]
    [InlineData(".tran 1u 2u\n.meas tran x trig v(in) val=0.5 targ v(out) val=0.5 rise=1", "rc.cir:6:33: .meas: x: trig needs at, rise, fall or cross")]
    [InlineData(".tran 1u 2u\n.meas tran x when v(out)=0.5 rose=1", "rc.cir:6:30: .meas: unexpected 'rose'")]
    [InlineData(".print tran\n.tran 1u 2u", "rc.cir:5:12: .print: name the vectors to print")]
    [InlineData(".save vx(out)\n.op", "rc.cir:5:7: .save: 'vx(out)' is not a vector")]
    public void When_OutputLineBad_Expect_OneLineNamingFileLineColumn(string lines, string message)
    {
        var e = Assert.Throws<NetlistException>(() => NetlistRun.RunAll(Parse(lines)));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void When_PrintTableWritten_Expect_NgspicesLayout()
    {
        var netlist = Parse(".print tran v(out) v(in,out) i(v1) vm(out)\n.tran 1u 3u");
        var tran = NetlistRun.RunAll(netlist)[0];
        var text = new StringWriter();

        PrintTable.Write(text, netlist.Title, tran, netlist.Outputs.Prints[0].Vectors, new DateTime(2026, 12, 3, 11, 36, 38));

        var lines = text.ToString().Split('\n');
        Assert.Equal(new string(' ', 39) + "rc", lines[0]);
        Assert.Equal(new string(' ', 39) + "Transient Analysis  Thu Dec  3 11:36:38  2026", lines[1]);
        Assert.Equal(new string('-', 80), lines[2]);
        Assert.Equal("Index   time            v(out)          v(in)-v(out)    v1#branch       ", lines[3]);
        Assert.Equal("0\t0.000000e+00\t1.000000e+00\t0.000000e+00\t0.000000e+00\t", lines[5]);
        // the fourth vector goes to a second page group, after a form feed, with the scale again
        Assert.Contains("\f\n", text.ToString());
        Assert.Contains("Index   time            vm(out)         ", text.ToString());
    }
}
