using System.Numerics;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// <c>.noise v(out[,ref]) src dec|oct|lin n fstart fstop [pts_per_summary]</c>: the noise of every device generator
/// carried to the output, as ngspice's noisean.c, cktnoise.c and nevalsrc.c compute it. Around the operating point,
/// at each frequency one adjoint solve (the transposed AC matrix driven by a unit current at the output) gives the
/// gain from every generator to the output and from the input source to the output; the output density is the sum
/// over generators of gain^2 x density, the input-referred density that over the input gain^2. Two results, as
/// ngspice's two plots: the spectral densities (<c>onoise_spectrum</c>, <c>inoise_spectrum</c>, V/sqrt(Hz), A/sqrt(Hz)
/// for a current input) and, when the sweep spans more than one frequency, the integrated noise (<c>onoise_total</c>,
/// <c>inoise_total</c>), each generator integrated over frequency on its own with ngspice's power-law rule
/// (Nintegrate). With <c>pts_per_summary</c> every generator and device total is reported as well, at every such
/// point (and the spectrum only there), named as ngspice names them (<c>onoise_r1_thermal</c>, <c>onoise_r1</c>).
/// </summary>
public sealed class NoiseAnalysis : Analysis
{
    private const double MinLog = 1e-38;   // N_MINLOG
    private const double MinGain = 1e-20;  // N_MINGAIN
    private const double FlatSlope = 1e-10; // N_INTFTHRESH
    private const double UseLog = 1e-10;   // N_INTUSELOG

    public NoiseAnalysis(string output, string? reference, string input, AcSweepType type, int points, double start, double stop, int pointsPerSummary = 0)
    {
        if (points < 1) throw new ArgumentException(".noise: the number of points must be at least 1");
        if (start <= 0 && type != AcSweepType.Linear) throw new ArgumentException(".noise: the start frequency must be positive for dec and oct");
        if (stop < start) throw new ArgumentException(".noise: the stop frequency is below the start frequency");
        if (pointsPerSummary < 0) throw new ArgumentException(".noise: pts_per_summary must not be negative");
        Output = output;
        Reference = reference;
        Input = input;
        Sweep = new AcAnalysis(type, points, start, stop);
        PointsPerSummary = pointsPerSummary;
    }

    /// <summary>The output node.</summary>
    public string Output { get; }

    /// <summary>The reference node of the output, null for ground.</summary>
    public string? Reference { get; }

    /// <summary>The input source (a V or I source with an AC value).</summary>
    public string Input { get; }

    /// <summary>The frequencies, as an AC sweep makes them.</summary>
    public AcAnalysis Sweep { get; }

    /// <summary>Every how many frequencies each generator is reported; 0: none are.</summary>
    public int PointsPerSummary { get; }

    public override AnalysisKind Kind => AnalysisKind.Noise;

    public override string ToNetlist()
    {
        var output = Reference is null ? $"v({Output})" : $"v({Output},{Reference})";
        var sweep = Sweep.ToNetlist()[4..]; // "dec 10 1 1e6" of ".ac dec 10 1 1e6"
        return $".noise {output} {Input} {sweep}{(PointsPerSummary > 0 ? $" {PointsPerSummary}" : "")}";
    }

    public override AnalysisResult Run(CircuitEngine engine) => RunPlots(engine)[0];

    /// <summary>Two (spectrum, integrated noise), one when the sweep is a single frequency.</summary>
    public override int PlotCount => Sweep.Start == Sweep.Stop ? 1 : 2;

    public override IReadOnlyList<AnalysisResult> RunPlots(CircuitEngine engine)
    {
        var s = engine.State;
        var unknowns = s.Unknowns;
        var outPos = Node(unknowns, Output);
        var outNeg = Reference is null ? 0 : Node(unknowns, Reference);
        var (inPos, inNeg, currentInput) = InputUnknowns(engine);

        PrepareDc(engine);
        OperatingPointSolver.Solve(engine, AnalysisMode.DcOperatingPoint, s.Options.Itl1);
        s.Biasing.Init = InitializationMode.SmallSignal;
        engine.Load();
        var sources = new List<NoiseSource>();
        foreach (var b in engine.NoiseBehaviors) b.AddNoiseSources(sources);
        var devices = sources.Select(g => g.Device).Distinct().ToArray();

        engine.PrepareAc();
        s.Biasing.Mode = AnalysisMode.Ac;
        var kelvin = s.Biasing.Temperature;
        var freqs = Sweep.Frequencies(s.Options.RelTol);
        var n = sources.Count;
        var density = new double[n];
        var lnDensity = new double[n];
        var lnLast = new double[n];
        var outIntegral = new double[n];
        var inIntegral = new double[n];
        double outTotal = 0, inTotal = 0;
        var adjoint = new Complex[unknowns.Count + 1];

        var reportedFreqs = new List<double>();
        var spectrumOut = new List<double>();
        var spectrumIn = new List<double>();
        var perSource = new List<double>[n];
        var perDevice = new List<double>[devices.Length];
        if (PointsPerSummary > 0)
        {
            for (var i = 0; i < n; i++) perSource[i] = [];
            for (var d = 0; d < devices.Length; d++) perDevice[d] = [];
        }

        var last = freqs.Count == 0 ? 0 : freqs[0];
        for (var step = 0; step < freqs.Count; step++)
        {
            var f = freqs[step];
            s.Frequency.Omega = 2 * Math.PI * f;
            Array.Clear(adjoint);
            adjoint[outPos] += 1;
            adjoint[outNeg] -= 1;
            engine.SolveAcAdjoint(adjoint);
            adjoint[0] = 0;

            // The input's transfer to the output: the adjoint solution where the input source drives the system.
            var inputGain = currentInput ? adjoint[inNeg] - adjoint[inPos] : adjoint[inPos];
            var gainSqInv = 1 / Math.Max(inputGain.Real * inputGain.Real + inputGain.Imaginary * inputGain.Imaginary, MinGain);
            var lnGainInv = Math.Log(gainSqInv);
            var delFreq = f - last;
            var lnFreq = Math.Log(Math.Max(f, MinLog));
            var lnLastFreq = Math.Log(Math.Max(last, MinLog));
            var delLnFreq = lnFreq - lnLastFreq;

            double outDensity = 0;
            for (var i = 0; i < n; i++)
            {
                var g = sources[i];
                var z = adjoint[g.Node1] - adjoint[g.Node2];
                density[i] = (z.Real * z.Real + z.Imaginary * z.Imaginary) * g.Density(f, kelvin);
                lnDensity[i] = Math.Log(Math.Max(density[i], MinLog));
                outDensity += density[i];
                if (delFreq == 0)
                {
                    lnLast[i] = lnDensity[i];
                }
                else
                {
                    // Each generator is integrated on its own (ngspice: "to get the best curve fit").
                    var o = Integrate(density[i], lnDensity[i], lnLast[i], delFreq, lnFreq, lnLastFreq, delLnFreq);
                    var p = Integrate(density[i] * gainSqInv, lnDensity[i] + lnGainInv, lnLast[i] + lnGainInv, delFreq, lnFreq, lnLastFreq, delLnFreq);
                    lnLast[i] = lnDensity[i];
                    outIntegral[i] += o;
                    inIntegral[i] += p;
                    outTotal += o;
                    inTotal += p;
                }
            }

            var summary = PointsPerSummary > 0 && step % PointsPerSummary == 0;
            if (PointsPerSummary == 0 || summary)
            {
                reportedFreqs.Add(f);
                spectrumOut.Add(Math.Sqrt(outDensity));
                spectrumIn.Add(Math.Sqrt(outDensity * gainSqInv));
                if (summary)
                {
                    for (var i = 0; i < n; i++) perSource[i].Add(Math.Sqrt(density[i]));
                    for (var d = 0; d < devices.Length; d++)
                    {
                        double sum = 0;
                        for (var i = 0; i < n; i++) if (sources[i].Device == devices[d]) sum += density[i];
                        perDevice[d].Add(Math.Sqrt(sum));
                    }
                }
            }
            last = f;
        }
        s.Biasing.Mode = AnalysisMode.DcOperatingPoint;
        s.Biasing.Init = InitializationMode.Float;

        var statistics = engine.Statistics.Snapshot();
        var vectors = new List<ResultVector>();
        if (PointsPerSummary > 0)
        {
            for (var d = 0; d < devices.Length; d++)
            {
                for (var i = 0; i < n; i++)
                    if (sources[i].Device == devices[d]) vectors.Add(new ResultVector($"onoise_{sources[i].Name}", perSource[i].ToArray()));
                vectors.Add(new ResultVector($"onoise_{devices[d]}", perDevice[d].ToArray()));
            }
        }
        vectors.Add(new ResultVector("onoise_spectrum", spectrumOut.ToArray()));
        vectors.Add(new ResultVector("inoise_spectrum", spectrumIn.ToArray()));
        var spectrum = new AnalysisResult(AnalysisKind.Noise, ToNetlist(), new ResultVector("frequency", reportedFreqs.ToArray()), vectors)
        {
            Statistics = statistics,
        };
        if (Sweep.Start == Sweep.Stop) return [spectrum];

        var totals = new List<ResultVector>();
        if (PointsPerSummary > 0)
        {
            for (var d = 0; d < devices.Length; d++)
            {
                double outSum = 0, inSum = 0;
                for (var i = 0; i < n; i++)
                {
                    if (sources[i].Device != devices[d]) continue;
                    totals.Add(new ResultVector($"onoise_total_{sources[i].Name}", [Math.Sqrt(outIntegral[i])]));
                    totals.Add(new ResultVector($"inoise_total_{sources[i].Name}", [Math.Sqrt(inIntegral[i])]));
                    outSum += outIntegral[i];
                    inSum += inIntegral[i];
                }
                totals.Add(new ResultVector($"onoise_total_{devices[d]}", [Math.Sqrt(outSum)]));
                totals.Add(new ResultVector($"inoise_total_{devices[d]}", [Math.Sqrt(inSum)]));
            }
        }
        // ngspice reports every integrated value as RMS (the square root of the integrated power).
        totals.Add(new ResultVector("onoise_total", [Math.Sqrt(outTotal)]));
        totals.Add(new ResultVector("inoise_total", [Math.Sqrt(inTotal)]));
        var integrated = new AnalysisResult(AnalysisKind.NoiseIntegrated, ToNetlist(), null, totals) { Statistics = statistics };
        return [spectrum, integrated];
    }

    /// <summary>
    /// ngspice's Nintegrate: the integral between two frequencies of a density taken as a power of the frequency
    /// through the two points (the density times the step when it is flat, a log when the power is -1).
    /// </summary>
    private static double Integrate(double density, double lnDensity, double lnLastDensity, double delFreq,
        double lnFreq, double lnLastFreq, double delLnFreq)
    {
        var exponent = (lnDensity - lnLastDensity) / delLnFreq;
        if (Math.Abs(exponent) < FlatSlope) return density * delFreq;
        var x = lnDensity - (exponent * lnFreq);
        var a = x > 700 ? Math.Exp(700.0) * (1.0 + x - 700.0) : Math.Exp(x);
        exponent += 1.0;
        if (Math.Abs(exponent) < UseLog) return a * (lnFreq - lnLastFreq);
        return a * ((Math.Exp(exponent * lnFreq) - Math.Exp(exponent * lnLastFreq)) / exponent);
    }

    private static int Node(Unknowns unknowns, string node)
    {
        if (Unknowns.IsGround(node)) return 0;
        return unknowns.TryGetIndex(node, out var i) && unknowns.KindOf(i) == UnknownKind.Voltage
            ? i
            : throw new CircuitException($".noise: the circuit has no node {node}", node);
    }

    /// <summary>Where the input source drives the system: its branch row (a V source) or its two nodes (an I source).</summary>
    private (int Positive, int Negative, bool IsCurrent) InputUnknowns(CircuitEngine engine)
    {
        var entity = engine.Circuit.FirstOrDefault(e => e.Name.Equals(Input, StringComparison.OrdinalIgnoreCase));
        var unknowns = engine.State.Unknowns;
        switch (entity)
        {
            case Devices.VoltageSource v when unknowns.TryGetBranch(v.Name.ToLowerInvariant(), out var branch):
                return (branch, 0, false);
            case Devices.CurrentSource c:
                return (Node(unknowns, c.Nodes[0]), Node(unknowns, c.Nodes[1]), true);
            default:
                throw new CircuitException($".noise: the input {Input} is not an independent voltage or current source", Input);
        }
    }
}
