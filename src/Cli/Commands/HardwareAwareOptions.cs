using System.CommandLine;
using System.Text.Json.Nodes;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.Training;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Hooks;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim train ... --hardware-aware [mapping options]</c>: the macro-level mapping profile, built from the same
/// options table as <c>compare</c> (<see cref="ProfileOptions"/>), drives the training hooks
/// (<see cref="HardwareAwareHooks"/>); <c>--seed</c> seeds the variation and read noise drawn per mini-batch.
/// </summary>
internal sealed class HardwareAwareOptions
{
    private readonly Option<bool> _flag = new("--hardware-aware")
    {
        Description = "train with the macro-level circuit in the forward pass: weights quantised to the conductance levels (--weight-bits) and clipped to the window, "
                      + "--variation and --read-noise drawn afresh per batch (seeded by --seed), outputs clipped at the amplifier rails; straight-through gradients",
    };

    private readonly ProfileOptions profile = new();

    /// <summary>
    /// The mapping options the hooks model. The others change the circuit but not the weights training sees (wire
    /// resistance, input DAC, drift, temperature, corner): accepted, with a note, so the same options serve
    /// training and compare. Read voltage and device kind leave the effective weights as they are.
    /// </summary>
    private static readonly HashSet<string> Modelled =
        ["--gmin", "--gmax", "--weight-scale", "--weight-bits", "--variation", "--stuck-at-gmin", "--stuck-at-gmax", "--read-noise", "--read-voltage", "--device"];

    public void AddTo(Command cmd)
    {
        cmd.Add(_flag);
        profile.AddTo(cmd);
    }

    /// <summary>The hooks and their description for the model file, or nulls without --hardware-aware; notes go to <paramref name="stdout"/>.</summary>
    public (TrainingHooks? Hooks, JsonObject? Description) Build(ParseResult parse, TextWriter stdout)
    {
        if (!parse.GetValue(_flag))
        {
            var given = profile.Given(parse).Select(g => g.Option.Name).Concat(profile.SeedGiven(parse) ? ["--seed"] : []);
            if (given.FirstOrDefault() is { } name) throw new UsageException($"{name} goes with --hardware-aware");
            return (null, null);
        }
        var p = profile.Build(parse, FidelityLevel.Macro);
        foreach (var (option, _) in profile.Given(parse).Where(g => !Modelled.Contains(g.Option.Name)))
            stdout.WriteLine($"note: {option.Name} is not modelled by hardware-aware training (it still applies when the model is compared)");
        var hooks = HardwareAwareHooks.For(p, unchecked((ulong)p.Seed));
        var description = new JsonObject
        {
            ["level"] = "macro",
            ["weight_bits"] = p.WeightBits,
            ["gmin"] = p.Gmin,
            ["gmax"] = p.Gmax,
            ["weight_scale"] = p.WeightScale,
            ["variation"] = p.VariationSigma,
            ["stuck_at_gmin"] = p.StuckAtGminProbability,
            ["stuck_at_gmax"] = p.StuckAtGmaxProbability,
            ["read_noise"] = p.ReadNoiseSigma,
            ["seed"] = p.Seed,
            ["clip"] = new JsonArray(p.OpAmp.NegativeRail / p.SignalVoltsPerUnit, p.OpAmp.PositiveRail / p.SignalVoltsPerUnit),
        };
        return (hooks, description);
    }
}
