using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.MonteCarlo;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bench;

/// <summary>
/// The speed figures of issue 11, every case in one run, interleaved round by round so that their ratios hold on a
/// shared, loaded machine:
/// <list type="bullet">
/// <item>the non-ideal mlp-shapes comparison (<c>--device memristor --wire-resistance 1 --variation 0.1 --weight-bits 4</c>)
/// against the plain macro one (target: at most 10x);</item>
/// <item>a further Monte Carlo sample of lstm-airline at the macro level (the study of 11 samples minus the study of 1,
/// over 10) against a plain macro comparison of it (target: at most 2x), and the samples per second of a study against
/// its baseline, one compare per sample (<c>compare --variation 0.1 --seed S</c> for each S);</item>
/// <item>the same at the device level (mlp-xor, one clocked transient per sample at a fixed clock period);</item>
/// <item>a study's throughput with 2 jobs against 1 (16 samples of lstm-airline; target: at least 1.7x).</item>
/// </list>
/// It reports the median wall time and the median CPU time of the process (all threads) per case. BenchmarkDotNet
/// measures wall time only, which on a 2-core machine shared with other work (load average above 10 at times) moves by
/// tens of per cent; the CPU time of single-threaded work hardly does, so the single-threaded ratios use it, and the
/// jobs ratio uses wall time (what more workers are for) with the load average printed beside it.
/// Run from the repository root (the demo models are read from <c>./models</c>):
/// <c>nice dotnet run -c Release --project bench -- montecarlo [ROUNDS]</c>.
/// </summary>
public static class MonteCarloBenchmarks
{
    private static readonly MappingProfile Macro = MappingProfile.For(FidelityLevel.Macro);
    private static readonly MappingProfile Varied = Macro with { VariationSigma = 0.1 };
    /// <summary>The device level's clock period for mlp-xor (what compare chooses for it), fixed so every run does the same work.</summary>
    private const double XorClockPeriod = 2e-5;

    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var models = Path.GetFullPath("models");
        var shapes = BridgeDemos.Get("mlp-shapes").ToCase(models);
        var airline = BridgeDemos.Get("lstm-airline").ToCase(models);
        var xorDemo = BridgeDemos.Get("mlp-xor").ToCase(models);
        var xorDevice = xorDemo.DeviceProfile ?? MappingProfile.For(FidelityLevel.Device);
        var deviceOptions = new DeviceOptions { ClockPeriod = XorClockPeriod, SweepPeriod = false };

        var shapesNonIdeal = Macro with { Device = CrossbarDeviceKind.Memristor, WireResistance = 1, VariationSigma = 0.1, WeightBits = 4 };
        int Study(ComparisonCase c, FidelityLevel level, int samples, int jobs, MappingProfile? profile = null) => MonteCarloStudy.Run(new MonteCarloRequest
        {
            Cases = new[] { c }, Level = level, Samples = samples, Jobs = jobs, Profile = profile ?? Varied, Customize = p => p with { VariationSigma = 0.1 },
            ClockPeriod = level == FidelityLevel.Device ? XorClockPeriod : null, Settings = Array.Empty<KeyValuePair<string, string>>(),
        }).Count;
        // the baseline of a study: one compare per sample, each with the sample's seed
        int Compares(ComparisonCase c, FidelityLevel level, MappingProfile profile, int samples)
        {
            for (var k = 0; k < samples; k++)
                Comparer.Run(c, level, profile with { VariationSigma = 0.1, Seed = SampleSeeds.Of(1, k) }, device: deviceOptions);
            return samples;
        }

        var cases = new (string Name, Func<int> Work)[]
        {
            ("mlp-shapes compare, plain macro", () => Comparer.Run(shapes, FidelityLevel.Macro, Macro).Inputs.Count),
            ("mlp-shapes compare, memristor + 1 ohm wires + variation 0.1 + 4 bits", () => Comparer.Run(shapes, FidelityLevel.Macro, shapesNonIdeal).Inputs.Count),
            ("lstm-airline compare, plain macro", () => Comparer.Run(airline, FidelityLevel.Macro, Macro).Inputs.Count),
            ("lstm-airline 10 compares, variation 0.1 (baseline)", () => Compares(airline, FidelityLevel.Macro, Macro, 10)),
            ("lstm-airline montecarlo, 1 sample, 1 job", () => Study(airline, FidelityLevel.Macro, 1, 1)),
            ("lstm-airline montecarlo, 11 samples, 1 job", () => Study(airline, FidelityLevel.Macro, 11, 1)),
            ("lstm-airline montecarlo, 16 samples, 1 job", () => Study(airline, FidelityLevel.Macro, 16, 1)),
            ("lstm-airline montecarlo, 16 samples, 2 jobs", () => Study(airline, FidelityLevel.Macro, 16, 2)),
            ("mlp-xor device compare, plain", () => Comparer.Run(xorDemo.ForDevice(), FidelityLevel.Device, xorDevice, device: deviceOptions).Inputs.Count),
            ("mlp-xor device 4 compares, variation 0.1 (baseline)", () => Compares(xorDemo.ForDevice(), FidelityLevel.Device, xorDevice, 4)),
            ("mlp-xor device montecarlo, 1 sample, 1 job", () => Study(xorDemo, FidelityLevel.Device, 1, 1)),
            ("mlp-xor device montecarlo, 5 samples, 1 job", () => Study(xorDemo, FidelityLevel.Device, 5, 1)),
            ("mlp-xor device montecarlo, 8 samples, 1 job", () => Study(xorDemo, FidelityLevel.Device, 8, 1)),
            ("mlp-xor device montecarlo, 8 samples, 2 jobs", () => Study(xorDemo, FidelityLevel.Device, 8, 2)),
            ("mlp-shapes non-ideal montecarlo, 1 sample, 1 job", () => Study(shapes, FidelityLevel.Macro, 1, 1, shapesNonIdeal)),
            ("mlp-shapes non-ideal montecarlo, 3 samples, 1 job", () => Study(shapes, FidelityLevel.Macro, 3, 1, shapesNonIdeal)),
        };

        // "shapes": only the non-ideal mlp-shapes cases (0, 1, 14, 15) and their ratios, for a quick before/after.
        var shapesOnly = args.Length > 1 && args[1] == "shapes";
        int[] selected = shapesOnly ? new[] { 0, 1, 14, 15 } : Enumerable.Range(0, cases.Length).ToArray();
        var wall = cases.Select(_ => new List<double>()).ToArray();
        var cpu = cases.Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        foreach (var i in selected) cases[i].Work();   // warm-up: JIT and first-use costs
        var loads = new List<string> { LoadAverage() };
        for (var r = 0; r < rounds; r++)
        {
            foreach (var i in selected)
            {
                GC.Collect();
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                cases[i].Work();
                clock.Stop();
                process.Refresh();
                wall[i].Add(clock.Elapsed.TotalSeconds);
                cpu[i].Add((process.TotalProcessorTime - cpu0).TotalSeconds);
                Console.Error.WriteLine($"round {r + 1}/{rounds}: {cases[i].Name}: {clock.Elapsed.TotalSeconds:F3} s");
            }
            loads.Add(LoadAverage());
        }

        double W(int i) => Median(wall[i]);
        double C(int i) => Median(cpu[i]);
        var sb = new StringBuilder();
        var I = CultureInfo.InvariantCulture;
        sb.Append(I, $"Monte Carlo speed (issue 11), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, median of {rounds} interleaved rounds; load average (1 min) over the run: {string.Join(", ", loads)}\n\n");
        sb.Append("| case | wall (s) | CPU (s) |\n|---|---:|---:|\n");
        foreach (var i in selected) sb.Append(I, $"| {cases[i].Name} | {W(i):F3} | {C(i):F3} |\n");
        sb.Append('\n');
        void Ratio(string what, double cpuRatio, double wallRatio, string target) =>
            sb.Append(I, $"- {what}: {cpuRatio:F2} (CPU), {wallRatio:F2} (wall); target {target}\n");
        Ratio("non-ideal mlp-shapes compare / plain macro compare", C(1) / C(0), W(1) / W(0), "<= 10");
        double ShapesSampleCpu = (C(15) - C(14)) / 2, ShapesSampleWall = (W(15) - W(14)) / 2;
        Ratio("a further non-ideal mlp-shapes Monte Carlo sample / the plain macro compare of mlp-shapes", ShapesSampleCpu / C(0), ShapesSampleWall / W(0), "(<= 10 for the compare)");
        if (shapesOnly)
        {
            Console.Write(sb.ToString());
            return 0;
        }

        void Jobs(string what, int one, int two) =>
            sb.Append(I, $"- {what}: 2 jobs' throughput / 1 job's = {W(one) / W(two):F2} (wall; target >= 1.7); CPU time of 2 jobs / 1 job = {C(two) / C(one):F2} (1 = no cost of sharing the work)\n");
        double MacroSampleCpu = (C(5) - C(4)) / 10, MacroSampleWall = (W(5) - W(4)) / 10;
        Ratio("a further lstm-airline macro sample / a plain macro compare of it", MacroSampleCpu / C(2), MacroSampleWall / W(2), "<= 2");
        sb.Append(I, $"- lstm-airline macro: {1 / MacroSampleWall:F1} samples/s (study, 1 job) against {10 / W(3):F1} samples/s (one compare per sample): {W(3) / 10 / MacroSampleWall:F1}x; CPU {C(3) / 10 / MacroSampleCpu:F1}x\n");
        Jobs("lstm-airline macro, 16 samples", 6, 7);
        double DeviceSampleCpu = (C(11) - C(10)) / 4, DeviceSampleWall = (W(11) - W(10)) / 4;
        Ratio("a further mlp-xor device sample / a plain device compare of it (fixed clock, no period sweep)", DeviceSampleCpu / C(8), DeviceSampleWall / W(8), "none stated");
        sb.Append(I, $"- mlp-xor device: {1 / DeviceSampleWall:F2} samples/s (study, 1 job) against {4 / W(9):F2} samples/s (one compare per sample): {W(9) / 4 / DeviceSampleWall:F1}x; CPU {C(9) / 4 / DeviceSampleCpu:F1}x\n");
        Jobs("mlp-xor device, 8 samples", 12, 13);
        Console.Write(sb.ToString());
        var file = Path.Combine("bench", "results", $"montecarlo-{DateTime.UtcNow:yyyy-MM-dd}.md");
        if (Directory.Exists(Path.GetDirectoryName(file)))
        {
            File.WriteAllText(file, sb.ToString());
            Console.WriteLine($"wrote {file}");
        }
        return 0;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
