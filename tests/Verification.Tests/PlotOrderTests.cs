using Hwsim.Circuits.Results;

namespace Hwsim.Verification.Tests;

public sealed class PlotOrderTests
{
    [Fact]
    public void When_NetlistScanned_Expect_AnalysisLinesInOrderSkippingTitleAndControl()
    {
        const string netlist = """
            .op is the title here, not an analysis
            v1 in 0 1
            .TRAN 1u 5u
            .control
            .op
            .endc
            .ac dec 10 1 1k
            .options reltol=1e-4
            .Dc v1 0 1 1
            .op
            .end
            .tran 1 2
            """;

        Assert.Equal(
            [AnalysisKind.Transient, AnalysisKind.Ac, AnalysisKind.DcSweep, AnalysisKind.OperatingPoint],
            PlotOrder.Scan(netlist));
    }

    [Fact]
    public void When_PlotsInNgspiceOrder_Expect_NetlistOrder()
    {
        // Netlist: dc(a) op(b) dc(c) ac(d); ngspice writes ac(d) dc(c) dc(a) op(b).
        var raw = new[] { Plot(AnalysisKind.Ac, "d"), Plot(AnalysisKind.DcSweep, "c"), Plot(AnalysisKind.DcSweep, "a"), Plot(AnalysisKind.OperatingPoint, "b") };
        AnalysisKind[] netlist = [AnalysisKind.DcSweep, AnalysisKind.OperatingPoint, AnalysisKind.DcSweep, AnalysisKind.Ac];

        var ordered = PlotOrder.ToNetlistOrder(raw, netlist);

        Assert.Equal(["a", "b", "c", "d"], ordered!.Select(p => p.Title));
    }

    [Fact]
    public void When_CountsDisagree_Expect_Null()
    {
        var raw = new[] { Plot(AnalysisKind.DcSweep, "a"), Plot(AnalysisKind.OperatingPoint, "b") };

        Assert.Null(PlotOrder.ToNetlistOrder(raw, [AnalysisKind.OperatingPoint]));
        Assert.Null(PlotOrder.ToNetlistOrder(raw, [AnalysisKind.OperatingPoint, AnalysisKind.OperatingPoint]));
    }

    private static NgspicePlot Plot(AnalysisKind kind, string tag) => new(tag, kind.ToString(), kind, false, []);
}
