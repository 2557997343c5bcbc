using System.CommandLine;
using System.Text.Json.Nodes;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.Training;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Hooks;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim train ... --hardware-aware [--level macro|device] [mapping options]</c>: the mapping profile of that level,
/// built from the same options table as <c>compare</c> (<see cref="ProfileOptions"/>), drives the training hooks
/// (<see cref="HardwareAwareHooks"/>; at the device level the activations are the device blocks' measured transfer
/// curves); <c>--seed</c> seeds the variation and read noise drawn per mini-batch.
/// </summary>
internal sealed class HardwareAwareOptions
{
    private readonly Option<bool> _flag = new("--hardware-aware")
    {
        Description = "train with the circuit (--level) in the forward pass: weights quantised to the conductance levels (--weight-bits) and clipped to the window, "
                      + "--variation and --read-noise drawn afresh per batch (seeded by --seed), outputs clipped at the amplifier rails; straight-through gradients",
    };

    private readonly Option<string?> _level = new("--level")
    {
        Description = "with --hardware-aware: macro (default) or device, whose activations are the measured transfer curves of the device-level tanh, sigmoid and ReLU blocks",
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
        _level.AcceptOnlyFromAmong("macro", "device");
        cmd.Add(_flag);
        cmd.Add(_level);
        profile.AddTo(cmd);
    }

    /// <summary>The hooks and their description for the model file, or nulls without --hardware-aware; notes go to <paramref name="stdout"/>.</summary>
    public (TrainingHooks? Hooks, JsonObject? Description) Build(ParseResult parse, TextWriter stdout)
    {
        if (!parse.GetValue(_flag))
        {
            var given = profile.Given(parse).Select(g => g.Option.Name).Concat(profile.SeedGiven(parse) ? ["--seed"] : [])
                .Concat(parse.GetValue(_level) is null ? [] : ["--level"]);
            if (given.FirstOrDefault() is { } name) throw new UsageException($"{name} goes with --hardware-aware");
            return (null, null);
        }
        var level = parse.GetValue(_level) == "device" ? FidelityLevel.Device : FidelityLevel.Macro;
        var p = profile.Build(parse, level);
        if (Hwsim.Bridge.Compiler.NetworkCompiler.Unsupported(level, p) is { } unsupported) throw new UsageException(unsupported);
        foreach (var (option, _) in profile.Given(parse).Where(g => !Modelled.Contains(g.Option.Name)))
            stdout.WriteLine($"note: {option.Name} is not modelled by hardware-aware training (it still applies when the model is compared)");
        var hooks = HardwareAwareHooks.For(p, unchecked((ulong)p.Seed), level);
        var rails = HardwareAwareHooks.Rails(p, level);
        var description = new JsonObject
        {
            ["level"] = level.Name(),
            ["weight_bits"] = p.WeightBits,
            ["gmin"] = p.Gmin,
            ["gmax"] = p.Gmax,
            ["weight_scale"] = p.WeightScale,
            ["variation"] = p.VariationSigma,
            ["stuck_at_gmin"] = p.StuckAtGminProbability,
            ["stuck_at_gmax"] = p.StuckAtGmaxProbability,
            ["read_noise"] = p.ReadNoiseSigma,
            ["seed"] = p.Seed,
            ["clip"] = new JsonArray(rails.Low, rails.High),
        };
        if (level == FidelityLevel.Device)
        {
            var curves = new[] { hooks.Forward.Tanh, hooks.Forward.Sigmoid, hooks.Forward.Relu }.OfType<DeviceActivationCurve>().ToList();
            description["activation_curves"] = new JsonObject(curves.Select(c => KeyValuePair.Create<string, JsonNode?>(
                c.Kind.ToString().ToLowerInvariant(), new JsonObject
                {
                    ["points"] = c.Outputs.Count, ["from"] = c.Inputs[0], ["to"] = c.Inputs[^1], ["step"] = DeviceActivationCurve.Step,
                    ["max_deviation_from_ideal"] = c.MaxDeviationFromIdeal,
                })));
            foreach (var c in curves)
                stdout.WriteLine($"device {c.Kind.ToString().ToLowerInvariant()} block: transfer curve measured at {c.Outputs.Count} points over x in [{c.Inputs[0]:G4}, {c.Inputs[^1]:G4}], at most {c.MaxDeviationFromIdeal:G3} from the ideal function there ({c.Outputs.Min():G4} .. {c.Outputs.Max():G4})");
        }
        return (hooks, description);
    }
}
