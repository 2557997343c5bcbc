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
    };

    public static BenchmarkCase? Find(string name) =>
        All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
