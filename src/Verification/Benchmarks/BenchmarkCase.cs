namespace Hwsim.Verification;

/// <summary>One benchmark netlist: its name, how to make it, and whether ngspice finishes it in reasonable time.</summary>
public sealed record BenchmarkCase(string Name, string Description, Func<string> Netlist, bool NgspiceIsSlow)
{
    public static IReadOnlyList<BenchmarkCase> All { get; } = new[]
    {
        new BenchmarkCase("crossbar32", "operating point, 32x32 crossbar, 1 ohm wires", () => BenchmarkNetlists.Crossbar(32), false),
        new BenchmarkCase("crossbar64", "operating point, 64x64 crossbar, 1 ohm wires", () => BenchmarkNetlists.Crossbar(64), false),
        new BenchmarkCase("crossbar128", "operating point, 128x128 crossbar, 1 ohm wires", () => BenchmarkNetlists.Crossbar(128), true),
        new BenchmarkCase("crossbar256", "operating point, 256x256 crossbar, 1 ohm wires", () => BenchmarkNetlists.Crossbar(256), true),
        new BenchmarkCase("rcladder1000", "transient, 1000-section RC ladder, 60 us", () => BenchmarkNetlists.RcLadder(1000), false),
        new BenchmarkCase("rcladder1000save", "transient, 1000-section RC ladder, 10 ns step, .save of 4 vectors (issue 13)",
            () => BenchmarkNetlists.RcLadderSaved(1000), false),
        new BenchmarkCase("ring5", "transient, 5-stage CMOS ring oscillator, level-1 MOSFETs, 40 ns", () => TransientBenchmarkNetlists.RingOscillator(5), false),
        new BenchmarkCase("scintegrator40", "transient, two-phase switched-capacitor integrator, NMOS switches, 40 cycles",
            () => TransientBenchmarkNetlists.SwitchedCapacitorIntegrator(40), false),
        new BenchmarkCase("mlpstream20", "transient, mlp-shapes macro netlist streaming 20 samples from PWL inputs",
            () => TransientBenchmarkNetlists.StreamingNetwork(TransientBenchmarkNetlists.FromRepository("netlists/demos/mlp-shapes.macro.cir"), 20), false),
        new BenchmarkCase("samplehold", "transient, device-level two-phase sample-and-hold driven by a PWL staircase",
            () => TransientBenchmarkNetlists.FromRepository("netlists/blocks/sample-hold.cir"), false),
        new BenchmarkCase("lstm-cell-device", "clocked transient, device-level lstm-cell, 40 steps (bench/netlists)",
            () => BenchmarkNetlists.Checkedin("lstm-cell.device.cir"), false),
        new BenchmarkCase("lstm-sine-device", "clocked transient, device-level lstm-sine, 80 steps (bench/netlists)",
            () => BenchmarkNetlists.Checkedin("lstm-sine.device.cir"), true),
    };

    public static BenchmarkCase? Find(string name) =>
        All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
