using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Results;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Analyses;

/// <summary>
/// <c>.tf v(n[,ref])|i(vsrc) insrc</c>: the DC small-signal transfer function from an independent source to an output,
/// the input impedance seen by the source and the output impedance, at the operating point, as ngspice's tfanal.c:
/// a unit excitation of the source (a unit current between its nodes, or a unit voltage in its branch) solved with the
/// matrix of the operating point, then a unit current into the output port (a unit voltage in a current output's
/// source). Vectors <c>Transfer_function</c>, <c>insrc#Input_impedance</c> and <c>output_impedance_at_V(n)</c> (or
/// <c>vsrc#Output_impedance</c>), one real value each, named as ngspice stores them (it prints them in lower case).
/// </summary>
public sealed class TransferFunctionAnalysis : Analysis
{
    public TransferFunctionAnalysis(string output, string? reference, bool isCurrent, string input)
    {
        Output = output;
        Reference = reference;
        IsCurrent = isCurrent;
        Input = input;
    }

    public string Output { get; }
    public string? Reference { get; }
    public bool IsCurrent { get; }
    public string Input { get; }

    public override AnalysisKind Kind => AnalysisKind.TransferFunction;

    public override string ToNetlist() => $".tf {OutputName.ToLowerInvariant()} {Input}";

    /// <summary>The output as ngspice writes it in the vector name: <c>V(2)</c>, <c>V(5,3)</c>, <c>i(vout)</c>.</summary>
    private string OutputName => IsCurrent ? $"i({Output})" : Reference is null ? $"V({Output})" : $"V({Output},{Reference})";

    public override AnalysisResult Run(CircuitEngine engine)
    {
        PrepareDc(engine);
        var state = engine.State;
        OperatingPointSolver.Solve(engine, AnalysisMode.DcOperatingPoint, state.Options.Itl1);
        var unknowns = state.Unknowns;
        // The matrix at the operating point.
        state.Biasing.Init = InitializationMode.Float;
        engine.Load();
        var size = unknowns.Count + 1;

        var source = engine.Circuit.FirstOrDefault(e => e.Name.Equals(Input, StringComparison.OrdinalIgnoreCase)) as IndependentSource
            ?? throw new CircuitException($".tf: the input {Input} is not an independent voltage or current source of the circuit", Input);
        var x = new double[size];
        int inPos = 0, inNeg = 0, inBranch = 0;
        if (source is CurrentSource)
        {
            (inPos, inNeg) = (Node(unknowns, source.Nodes[0]), Node(unknowns, source.Nodes[1]));
            x[inPos] -= 1;
            x[inNeg] += 1;
        }
        else
        {
            inBranch = Branch(unknowns, source.Name);
            x[inBranch] += 1;
        }
        x[0] = 0;
        engine.FactorAndSolve(x);
        x[0] = 0;

        int outPos = 0, outNeg = 0, outBranch = 0;
        if (IsCurrent) outBranch = Branch(unknowns, Output);
        else (outPos, outNeg) = (Node(unknowns, Output), Reference is null ? 0 : Node(unknowns, Reference));
        var transfer = IsCurrent ? x[outBranch] : x[outPos] - x[outNeg];
        var input = source is CurrentSource ? x[inNeg] - x[inPos] : Math.Abs(x[inBranch]) < 1e-20 ? 1e20 : -1 / x[inBranch];

        double output;
        if (IsCurrent && Output.Equals(Input, StringComparison.OrdinalIgnoreCase))
        {
            output = input; // the output is the input: ngspice copies the input impedance
        }
        else
        {
            var y = new double[size];
            if (IsCurrent) y[outBranch] += 1;
            else
            {
                y[outPos] -= 1;
                y[outNeg] += 1;
            }
            y[0] = 0;
            engine.FactorAndSolve(y);
            y[0] = 0;
            output = IsCurrent ? 1 / Math.Max(1e-20, y[outBranch]) : y[outNeg] - y[outPos];
        }
        var outputName = IsCurrent ? $"{Output.ToLowerInvariant()}#Output_impedance" : $"output_impedance_at_{OutputName}";
        return new AnalysisResult(Kind, ToNetlist(), null,
        [
            new ResultVector("Transfer_function", [transfer]),
            new ResultVector(outputName, [output]),
            new ResultVector($"{source.Name.ToLowerInvariant()}#Input_impedance", [input]),
        ])
        { Statistics = engine.Statistics.Snapshot() };
    }

    private static int Branch(Unknowns unknowns, string source) =>
        unknowns.TryGetBranch(source.ToLowerInvariant(), out var branch)
            ? branch
            : throw new CircuitException($".tf: {source} is not a voltage source of the circuit", source);

    private static int Node(Unknowns unknowns, string node)
    {
        if (Unknowns.IsGround(node)) return 0;
        return unknowns.TryGetIndex(node, out var i) && unknowns.KindOf(i) == UnknownKind.Voltage
            ? i
            : throw new CircuitException($".tf: the circuit has no node {node}", node);
    }
}
