using Hwsim.Circuits.Blocks;
using Hwsim.Nn;
using Hwsim.Nn.Layers;

namespace Hwsim.Bridge.Compiler;

public static partial class NetworkCompiler
{
    private static double[,] ToArray(Parameter p)
    {
        var m = p.Value;
        var a = new double[m.RowCount, m.ColumnCount];
        for (var r = 0; r < m.RowCount; r++)
            for (var col = 0; col < m.ColumnCount; col++)
                a[r, col] = m[r, col];
        return a;
    }

    private static double[] Vector(Parameter? p, int length) => p is null ? new double[length] : (double[])p.ValueArray.Clone();

    private static List<Signal> CompileLinear(Context c, Linear linear, List<string> inputs)
    {
        var name = Safe(linear.Name);
        var outs = Dense(c, name, ToArray(linear.Weight), Vector(linear.Bias, linear.OutFeatures), inputs, $"{name}_o");
        var signals = outs.Select((node, j) => new Signal($"{linear.Name}[{j}]", node, linear.Name, SignalKind.PreActivation, j)).ToList();
        c.Signals.AddRange(signals);
        return signals;
    }

    private static List<Signal> CompileActivation(Context c, ILayer layer, List<string> inputs)
    {
        var kind = layer switch
        {
            ReLU => ActivationKind.Relu,
            Sigmoid => ActivationKind.Sigmoid,
            _ => ActivationKind.Tanh,
        };
        var name = Safe(layer.Name);
        var def = c.ActivationDefinition(kind);
        var signals = new List<Signal>();
        for (var k = 0; k < inputs.Count; k++)
        {
            var node = $"{name}_o{k}";
            c.Builder.Instance($"xa_{name}_{k}", c.Nodes(new[] { inputs[k], node }, c.Supply(x => x.Activation)), def);
            signals.Add(new Signal($"{layer.Name}[{k}]", node, layer.Name, SignalKind.Activation, k));
        }
        c.Signals.AddRange(signals);
        return signals;
    }

    /// <summary>
    /// Conv2d as crossbar dot products over image patches: the kernel (Cout x Cin*kh*kw) and bias become one
    /// crossbar definition, instanced at every output position on that position's patch (padding reads 0 V).
    /// Outputs are in PyTorch's (channel, row, column) order.
    /// </summary>
    private static List<Signal> CompileConv(Context c, Conv2d conv, List<string> inputs)
    {
        var name = Safe(conv.Name);
        var (h, w) = conv.InputSize(inputs.Count);
        var (oh, ow) = conv.OutputSize(h, w);
        var kernel = ToArray(conv.Weight);
        var bias = Vector(conv.Bias, conv.OutChannels);
        var mapping = c.Profile.MappingFor(kernel.Cast<double>().Concat(bias));
        if (mapping.PrecisionNote(kernel.Cast<double>().Concat(bias), conv.Name) is { } note) c.Notes.Add(note);
        var xb = c.Program(new Crossbar($"xb_{name}", kernel, bias, mapping, c.Profile.WireResistance, memristor: c.Memristor()));
        var xbName = c.Builder.Define(WithDevice(c, xb));
        c.Crossbars.Add(new CrossbarInfo(conv.Name, $"xx_{name}_*", xb));
        var driver = c.RowDriver();
        var (bp, bn) = c.BiasRows();
        var tia = c.Tia(name, c.Profile.Transresistance(mapping));

        // one row driver per input pixel, shared by every patch that reads it
        var rowP = new string[inputs.Count];
        var rowN = new string[inputs.Count];
        for (var k = 0; k < inputs.Count; k++)
        {
            rowP[k] = $"{name}_rp{k}";
            rowN[k] = $"{name}_rn{k}";
            c.Builder.Instance($"xd_{name}_{k}", c.Nodes(new[] { inputs[k], rowP[k], rowN[k] }, c.Supply(x => x.Crossbar)), driver);
        }

        var outputs = new Signal[conv.OutChannels * oh * ow];
        for (var oy = 0; oy < oh; oy++)
        {
            for (var ox = 0; ox < ow; ox++)
            {
                var p = new List<string>();
                var n = new List<string>();
                for (var ci = 0; ci < conv.InChannels; ci++)
                    for (var ky = 0; ky < conv.KernelHeight; ky++)
                        for (var kx = 0; kx < conv.KernelWidth; kx++)
                        {
                            var y = oy * conv.StrideY - conv.PaddingY + ky;
                            var x = ox * conv.StrideX - conv.PaddingX + kx;
                            var inside = y >= 0 && y < h && x >= 0 && x < w;
                            var k = ci * h * w + y * w + x;
                            p.Add(inside ? rowP[k] : "0");
                            n.Add(inside ? rowN[k] : "0");
                        }
                var columns = Enumerable.Range(0, conv.OutChannels).Select(co => $"{name}_col{co}_{oy}_{ox}").ToList();
                c.Builder.Instance($"xx_{name}_{oy}_{ox}", p.Append(bp).Concat(n).Append(bn).Concat(columns), xbName);
                for (var co = 0; co < conv.OutChannels; co++)
                {
                    var index = co * oh * ow + oy * ow + ox;
                    var node = $"{name}_o{index}";
                    c.Builder.Instance($"xt_{name}_{index}", c.Nodes(new[] { columns[co], node }, c.Supply(x => x.Amplifier)), tia);
                    outputs[index] = new Signal($"{conv.Name}[{index}]", node, conv.Name, SignalKind.PreActivation, index);
                }
            }
        }
        c.Signals.AddRange(outputs);
        return outputs.ToList();
    }

    /// <summary>
    /// An LSTM (PyTorch's nn.LSTM: gates i, f, g, o) layer by layer: one crossbar of [W_ih | W_hh] with bias
    /// b_ih + b_hh gives the four gate pre-activations; sigmoid (i, f, o) and tanh (g) blocks; multipliers f*c and
    /// i*g and an adder give c'; tanh and a multiplier give h' = o*tanh(c'). The previous h and c are sources.
    /// </summary>
    private static List<Signal> CompileLstm(Context c, Lstm lstm, List<string> inputs)
    {
        if (lstm.InitialH is not null)
            throw new CompileException($"layer '{lstm.Name}' (LSTM): a given initial state is not supported by the circuits (their sample-and-holds start at zero)");
        var name = Safe(lstm.Name);
        var hidden = lstm.HiddenSize;
        var current = inputs;
        var layerOutputs = new List<Signal>();
        for (var k = 0; k < lstm.NumLayers; k++)
        {
            var prefix = $"{name}_l{k}";
            var label = $"{lstm.Name}.l{k}";
            c.Builder.Layer = label;
            var wih = ToArray(lstm.WeightIh(k));
            var whh = ToArray(lstm.WeightHh(k));
            var inSize = wih.GetLength(1);
            if (current.Count != inSize) throw new CompileException($"layer {lstm.Name}: layer {k} expects {inSize} inputs, got {current.Count}");
            var w = new double[4 * hidden, inSize + hidden];
            for (var r = 0; r < 4 * hidden; r++)
            {
                for (var i = 0; i < inSize; i++) w[r, i] = wih[r, i];
                for (var i = 0; i < hidden; i++) w[r, inSize + i] = whh[r, i];
            }
            var bih = Vector(lstm.BiasIh(k), 4 * hidden);
            var bhh = Vector(lstm.BiasHh(k), 4 * hidden);
            var bias = bih.Zip(bhh, (a, b) => a + b).ToArray();

            var device = c.Level == FidelityLevel.Device;
            var hPrev = new List<string>();
            var cPrev = new List<string>();
            for (var j = 0; j < hidden; j++)
            {
                hPrev.Add($"{prefix}_hp{j}");
                cPrev.Add($"{prefix}_cp{j}");
                if (device) continue;   // the device level's sample-and-holds drive these nodes (below)
                c.Builder.Source($"vhp_{prefix}_{j}", hPrev[j], 0);
                c.Builder.Source($"vcp_{prefix}_{j}", cPrev[j], 0);
            }

            var z = Dense(c, prefix, w, bias, current.Concat(hPrev).ToList(), $"{prefix}_z");
            var gates = new[] { ('i', ActivationKind.Sigmoid), ('f', ActivationKind.Sigmoid), ('g', ActivationKind.Tanh), ('o', ActivationKind.Sigmoid) };
            var gateNodes = new Dictionary<char, string[]>();
            for (var g = 0; g < 4; g++)
            {
                var (letter, kind) = gates[g];
                var def = c.ActivationDefinition(kind);
                var nodes = new string[hidden];
                for (var j = 0; j < hidden; j++)
                {
                    var zNode = z[g * hidden + j];
                    nodes[j] = $"{prefix}_{letter}{j}";
                    c.Builder.Instance($"xa_{prefix}_{letter}{j}", c.Nodes(new[] { zNode, nodes[j] }, c.Supply(x => x.Activation)), def);
                    c.Signals.Add(new Signal($"{label}.z{letter}[{j}]", zNode, lstm.Name, SignalKind.GatePreActivation, g * hidden + j, k));
                    c.Signals.Add(new Signal($"{label}.{letter}[{j}]", nodes[j], lstm.Name, SignalKind.Gate, g * hidden + j, k));
                }
                gateNodes[letter] = nodes;
            }

            var mul = c.Multiplier();
            var mulC = c.CellMultiplier();
            var add = c.Adder2();
            var tanh = c.ActivationDefinition(ActivationKind.Tanh);
            var hSignals = new List<Signal>();
            for (var j = 0; j < hidden; j++)
            {
                var fc = $"{prefix}_fc{j}";
                var ig = $"{prefix}_ig{j}";
                var cn = $"{prefix}_c{j}";
                var tc = $"{prefix}_tc{j}";
                var hn = $"{prefix}_h{j}";
                var (mulSupply, ampSupply, actSupply) = (c.Supply(x => x.Multiplier), c.Supply(x => x.Amplifier), c.Supply(x => x.Activation));
                c.Builder.Instance($"xm_{prefix}_fc{j}", c.Nodes(new[] { gateNodes['f'][j], cPrev[j], fc }, mulSupply), mulC);
                c.Builder.Instance($"xm_{prefix}_ig{j}", c.Nodes(new[] { gateNodes['i'][j], gateNodes['g'][j], ig }, mulSupply), mul);
                c.Builder.Instance($"xs_{prefix}_c{j}", c.Nodes(new[] { fc, ig, cn }, ampSupply), add);
                c.Builder.Instance($"xa_{prefix}_tc{j}", c.Nodes(new[] { cn, tc }, actSupply), tanh);
                c.Builder.Instance($"xm_{prefix}_h{j}", c.Nodes(new[] { gateNodes['o'][j], tc, hn }, mulSupply), mul);
                var hSource = $"vhp_{prefix}_{j}";
                var cSource = $"vcp_{prefix}_{j}";
                if (device)
                {
                    // master-slave sample-and-holds: the new c and h, sampled in phase 1, are the next step's previous values from phase 2 on
                    var sh = c.SampleHold();
                    var hold = c.Supply(x => x.Hold);
                    hSource = $"xsh_{prefix}_h{j}";
                    cSource = $"xsh_{prefix}_c{j}";
                    c.Builder.Instance(hSource, c.Nodes(new[] { hn, hPrev[j], "phi1", "phi2" }, hold), sh);
                    c.Builder.Instance(cSource, c.Nodes(new[] { cn, cPrev[j], "phi1", "phi2" }, hold), sh);
                }
                var cSignal = new Signal($"{label}.c[{j}]", cn, lstm.Name, SignalKind.CellState, j, k);
                var hSignal = new Signal($"{label}.h[{j}]", hn, lstm.Name, SignalKind.HiddenState, j, k);
                c.Signals.Add(cSignal);
                c.Signals.Add(hSignal);
                c.States.Add(new StatePort(hSource, hSignal, k, j, IsCell: false));
                c.States.Add(new StatePort(cSource, cSignal, k, j, IsCell: true));
                hSignals.Add(hSignal);
            }
            current = hSignals.Select(s => s.Node).ToList();
            layerOutputs = hSignals;
        }
        return layerOutputs;
    }
}
