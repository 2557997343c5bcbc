using Hwsim.Bridge.Compiler;
using Hwsim.Nn;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// Runs the digital reference network on the same inputs and reads the same signals as the circuit: each layer's
/// output (pre-activations, activations), and for an LSTM every gate, its pre-activation, c and h at every step.
/// </summary>
public static class SoftwareTracer
{
    public static SignalTrace Trace(NetworkModel model, CompiledNetwork network, IReadOnlyList<double[]> rows)
    {
        var batch = model.InputBatch(rows);
        var trace = model.Trace(batch);
        var sequence = model.IsSequenceModel;
        var points = rows.Count;
        var values = new double[points][];
        var outputs = new double[points][];
        var readers = network.Signals.Select(s => Reader(trace, s)).ToArray();
        var outReaders = network.Outputs.Select(s => Reader(trace, s)).ToArray();
        for (var p = 0; p < points; p++)
        {
            var (step, sample) = sequence ? (p, 0) : (0, p);
            values[p] = readers.Select(r => r(step, sample)).ToArray();
            outputs[p] = outReaders.Select(r => r(step, sample)).ToArray();
        }
        return new SignalTrace(network.Signals.Select(s => s.Name).ToList(), network.Outputs.Select(s => s.Name).ToList(), values, outputs);
    }

    private static Func<int, int, double> Reader(SequentialPass trace, Signal s)
    {
        var pass = trace[s.Layer];
        if (pass is LstmPass lstm)
        {
            var steps = lstm.Steps[s.Sublayer];
            var h = lstm.Steps[s.Sublayer][0].H.ColumnCount;
            return s.Kind switch
            {
                SignalKind.GatePreActivation => (t, n) => steps[t].PreActivation[n, s.Index],
                SignalKind.Gate => (t, n) => (s.Index / h) switch
                {
                    0 => steps[t].I[n, s.Index % h],
                    1 => steps[t].F[n, s.Index % h],
                    2 => steps[t].G[n, s.Index % h],
                    _ => steps[t].O[n, s.Index % h],
                },
                SignalKind.CellState => (t, n) => steps[t].C[n, s.Index],
                _ => (t, n) => steps[t].H[n, s.Index],
            };
        }
        var output = pass.Output;
        return (t, n) => output[t][n, s.Index];
    }
}
