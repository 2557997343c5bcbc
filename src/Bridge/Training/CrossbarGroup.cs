using Hwsim.Nn;
using Hwsim.Nn.Layers;

namespace Hwsim.Bridge.Training;

/// <summary>
/// The parameters that one crossbar of the compiled circuit holds, grouped as <see cref="Compiler.NetworkCompiler"/>
/// maps them (one conductance mapping per crossbar, fitted over its weights and bias): a Linear's weight and bias, a
/// Conv2d's kernel and bias, and per LSTM layer [W_ih | W_hh] with the one bias row b_ih + b_hh.
/// </summary>
internal sealed class CrossbarGroup
{
    private CrossbarGroup(IReadOnlyList<Parameter> weights, Parameter? bias, Parameter? secondBias)
    {
        Weights = weights;
        Bias = bias;
        SecondBias = secondBias;
    }

    /// <summary>The weight matrices of the crossbar.</summary>
    public IReadOnlyList<Parameter> Weights { get; }

    /// <summary>The bias (an LSTM's b_ih), or null.</summary>
    public Parameter? Bias { get; }

    /// <summary>An LSTM's b_hh, which the crossbar adds to <see cref="Bias"/> in one row; null for other layers.</summary>
    public Parameter? SecondBias { get; }

    /// <summary>The crossbars of <paramref name="network"/>, in layer order; layers without parameters hold none.</summary>
    public static IReadOnlyList<CrossbarGroup> Of(Sequential network)
    {
        var groups = new List<CrossbarGroup>();
        foreach (var layer in network.Layers)
        {
            switch (layer)
            {
                case Linear linear:
                    groups.Add(new CrossbarGroup([linear.Weight], linear.Bias, null));
                    break;
                case Conv2d conv:
                    groups.Add(new CrossbarGroup([conv.Weight], conv.Bias, null));
                    break;
                case Lstm lstm:
                    for (int k = 0; k < lstm.NumLayers; k++)
                        groups.Add(new CrossbarGroup([lstm.WeightIh(k), lstm.WeightHh(k)], lstm.BiasIh(k), lstm.BiasHh(k)));
                    break;
                default:
                    if (layer.Parameters.Count > 0)
                        throw new ArgumentException($"layer {layer.Name} ({layer.TypeName}): hardware-aware training knows no crossbar for it");
                    break;
            }
        }
        return groups;
    }

    /// <summary>The values the crossbar programs, weights first then the bias row (b_ih + b_hh for an LSTM).</summary>
    public double[] Values()
    {
        var values = Weights.SelectMany(p => p.ValueArray).ToList();
        if (Bias is not null)
        {
            var b = Bias.ValueArray;
            var b2 = SecondBias?.ValueArray;
            for (int i = 0; i < b.Length; i++) values.Add(b2 is null ? b[i] : b[i] + b2[i]);
        }
        return values.ToArray();
    }

    /// <summary>Writes back values in the order of <see cref="Values"/>: the bias row goes to <see cref="Bias"/>, and <see cref="SecondBias"/> becomes 0.</summary>
    public void Write(double[] values)
    {
        int at = 0;
        foreach (var p in Weights)
        {
            Array.Copy(values, at, p.ValueArray, 0, p.ValueArray.Length);
            at += p.ValueArray.Length;
        }
        if (Bias is null) return;
        Array.Copy(values, at, Bias.ValueArray, 0, Bias.ValueArray.Length);
        if (SecondBias is not null) Array.Clear(SecondBias.ValueArray);
    }
}
