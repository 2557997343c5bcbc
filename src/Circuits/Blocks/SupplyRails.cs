using System.Globalization;
using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Blocks;

/// <summary>
/// The supply of one kind of block at the device level (e.g. <c>act</c> for the activations): a positive rail on node
/// <c>vdd_KIND</c>, a negative one on <c>vss_KIND</c> and, for blocks that need one, a bias rail on <c>vb_KIND</c>, each
/// a named DC source of a compiled circuit, so that the current through it is that kind's supply current. A block
/// built for a supply takes the rails as its last ports (<see cref="Ports"/>: <c>vcc vee [vb]</c>), and its op-amps
/// are the powered form of the macro-model (<see cref="OpAmpFor"/>), with output rails <see cref="Headroom"/> inside
/// the supplies.
/// </summary>
public sealed record SupplyRails
{
    public SupplyRails(string kind, double positive, double negative, double? bias = null)
    {
        if (string.IsNullOrWhiteSpace(kind) || !kind.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"a supply kind is a plain name (letters and digits), got '{kind}'");
        if (!(positive > 0) || !(negative < 0)) throw new ArgumentException($"supply {kind}: need a positive and a negative rail, got {positive} and {negative}");
        Kind = kind.ToLowerInvariant();
        Positive = positive;
        Negative = negative;
        Bias = bias;
    }

    /// <summary>Output swing an op-amp loses to each supply rail (V).</summary>
    public const double Headroom = 1.5;

    public string Kind { get; }
    public double Positive { get; }
    public double Negative { get; }
    public double? Bias { get; }

    public string PositiveNode => $"vdd_{Kind}";
    public string NegativeNode => $"vss_{Kind}";
    public string BiasNode => $"vb_{Kind}";

    /// <summary>The rail nodes in port order: vdd, vss and (with a bias) vb.</summary>
    public IReadOnlyList<string> Nodes => Bias is null ? new[] { PositiveNode, NegativeNode } : new[] { PositiveNode, NegativeNode, BiasNode };

    /// <summary>The port names a block built for this supply adds after its signal ports.</summary>
    public IReadOnlyList<string> Ports => Bias is null ? new[] { "vcc", "vee" } : new[] { "vcc", "vee", "vb" };

    /// <summary>The source cards of the rails (names are the node names: <c>vdd_act vdd_act 0 dc 5</c>).</summary>
    public IEnumerable<(string Name, string Node, double Volts)> Sources()
    {
        yield return (PositiveNode, PositiveNode, Positive);
        yield return (NegativeNode, NegativeNode, Negative);
        if (Bias is { } b) yield return (BiasNode, BiasNode, b);
    }

    /// <summary>The powered op-amp of this supply: the model with its rails <see cref="Headroom"/> inside the supplies.</summary>
    public OpAmpModel OpAmpFor(OpAmpModel? model) => (model ?? new OpAmpModel()) with
    {
        Name = $"opamp_{Kind}",
        PositiveRail = Positive - Headroom,
        NegativeRail = Negative + Headroom,
    };

    /// <summary>The powered op-amp's sub-circuit as a dependency block.</summary>
    internal static SubcircuitText PoweredOpAmpText(OpAmpModel model) => SubcircuitText.Raw(model.Name, model.ToPoweredSubcircuit());

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind}: {PositiveNode} = {Positive} V, {NegativeNode} = {Negative} V{(Bias is { } b ? $", {BiasNode} = {b} V" : "")}");
}
