using System.CommandLine;
using System.Globalization;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Cli.Commands;

/// <summary>
/// The mapping-profile options shared by the bridge commands (one table, <see cref="All"/>); unset ones keep the
/// level's defaults. <c>compare</c> and <c>netlist</c> take one value per option; <c>montecarlo</c> also takes a
/// comma-separated list for one of them, which it sweeps (<see cref="Sweep"/>).
/// </summary>
internal sealed class ProfileOptions
{
    /// <summary>The largest log-normal sigma: beyond it the spread of exp(sigma z) covers over twenty decades of conductance.</summary>
    public const double MaxVariation = 3;

    /// <summary>Every mapping option, in the order of the help text.</summary>
    public static IReadOnlyList<MappingOption> All { get; } = new[]
    {
        MappingOption.Number("--gmin", "lowest conductance (S), > 0, default 1e-6", (p, x) => p with { Gmin = x }, positive: true),
        MappingOption.Number("--gmax", "highest conductance (S), > gmin, default 1e-4", (p, x) => p with { Gmax = x }, positive: true),
        MappingOption.Number("--weight-scale", "conductance per unit weight (S); default: fitted per layer", (p, x) => p with { WeightScale = x }, positive: true),
        MappingOption.Whole("--weight-bits", "conductance levels 2^bits, 1 to 24 (macro and device default 8; ideal: exact)", (p, n) => p with { WeightBits = n }, 1, 24),
        MappingOption.Whole("--input-bits", "DAC bits of the row drivers, 1 to 24 (default: exact)", (p, n) => p with { InputBits = n }, 1, 24),
        MappingOption.Number("--read-voltage", "row read voltage per unit input (V), > 0, default 0.2", (p, x) => p with { ReadVoltage = x }, positive: true),
        MappingOption.Number("--wire-resistance", $"wire resistance per crossing segment (ohm), >= 0, default 0 (device level: {MappingProfile.DeviceWireResistance})", (p, x) => p with { WireResistance = x }, min: 0),
        MappingOption.Choice("--device", "device at each crossing: resistor or memristor (at its programmed state); default resistor, memristor at the device level", new[] { "resistor", "memristor" },
            (p, d) => p with { Device = d == "memristor" ? CrossbarDeviceKind.Memristor : CrossbarDeviceKind.Resistor }),
        MappingOption.Number("--variation", $"log-normal programming variation sigma (G0 exp(sigma z)), 0 to {MaxVariation}, default 0", (p, x) => p with { VariationSigma = x }, min: 0, max: MaxVariation),
        MappingOption.Number("--stuck-at-gmin", "probability that a device is stuck at Gmin, default 0", (p, x) => p with { StuckAtGminProbability = x }, min: 0, max: 1),
        MappingOption.Number("--stuck-at-gmax", "probability that a device is stuck at Gmax, default 0", (p, x) => p with { StuckAtGmaxProbability = x }, min: 0, max: 1),
        MappingOption.Number("--read-noise", "read noise sigma, relative to G, drawn afresh at every read (sample or step), default 0", (p, x) => p with { ReadNoiseSigma = x }, min: 0),
        MappingOption.Number("--drift-time", "seconds since programming when read: G ((t + t0)/t0)^-nu, t0 = 20 s (aihwkit's PCM model); default 0 (no drift)", (p, x) => p with { DriftTime = x }, min: 0),
        MappingOption.Number("--drift-nu", "drift exponent nu, default 0.05", (p, x) => p with { DriftExponent = x }, min: 0),
        MappingOption.Number("--temperature", "crossbar temperature (C): G (1 + alpha (T - 27)); default 27 (no change)", (p, x) => p with { Temperature = x }, min: -273.15),
        MappingOption.Number("--temperature-coefficient", "alpha, the conductance's temperature coefficient (1/K), default 0.002", (p, x) => p with { TemperatureCoefficient = x }),
        MappingOption.Choice("--corner", "process corner of the amplifiers (and at the device level the transistors): slow, typical (default) or fast", ProcessCorners.Names,
            (p, c) => p with { Corner = Enum.Parse<ProcessCorner>(c, ignoreCase: true) }),
    };

    private readonly bool _lists;
    private readonly Dictionary<MappingOption, Option<string?>> _options;
    private readonly Option<long?>? _seed;

    /// <param name="lists">Whether an option may take a comma-separated list of values (montecarlo's sweep).</param>
    /// <param name="seed">Whether to add <c>--seed</c> (the seed of the non-idealities' draws); montecarlo has its own.</param>
    public ProfileOptions(bool lists = false, bool seed = true)
    {
        _lists = lists;
        _options = All.ToDictionary(o => o, o => new Option<string?>(o.Name)
        {
            Description = o.Description + (lists ? " (a comma-separated list sweeps it)" : ""),
        });
        if (seed) _seed = new Option<long?>("--seed") { Description = "seed of the non-idealities' random draws, default 1" };
    }

    public void AddTo(Command cmd)
    {
        foreach (var o in _options.Values) cmd.Add(o);
        if (_seed is not null) cmd.Add(_seed);
    }

    /// <summary>Whether <c>--seed</c> was given.</summary>
    public bool SeedGiven(ParseResult parse) => _seed is not null && parse.GetValue(_seed) is not null;

    public MappingProfile Build(ParseResult parse, FidelityLevel level) => Build(parse, MappingProfile.For(level));

    /// <summary>The base profile (a level's defaults) with the options given (one value each).</summary>
    public MappingProfile Build(ParseResult parse, MappingProfile p)
    {
        foreach (var (option, values) in Given(parse))
        {
            if (values.Count != 1) throw new UsageException($"{option.Name}: give one value here (a list of values sweeps it in hwsim montecarlo)");
            p = option.Apply(p, values[0]);
        }
        if (_seed is not null && parse.GetValue(_seed) is { } seed) p = p with { Seed = seed };
        Check(p);
        return p;
    }

    /// <summary>
    /// Throws a <see cref="UsageException"/> for settings that are each valid but do not go together, naming the
    /// options (Gmax not above Gmin), or for anything else the profile cannot use.
    /// </summary>
    public static void Check(MappingProfile p)
    {
        if (!(p.Gmax > p.Gmin))
            throw new UsageException($"--gmax ({p.Gmax.ToString("G6", CultureInfo.InvariantCulture)} S) must be above --gmin ({p.Gmin.ToString("G6", CultureInfo.InvariantCulture)} S)");
        if (p.Problem() is { } problem) throw new UsageException(problem);
    }

    /// <summary>The options given, in table order, each with its values written canonically (checked).</summary>
    public IReadOnlyList<(MappingOption Option, IReadOnlyList<string> Values)> Given(ParseResult parse)
    {
        var given = new List<(MappingOption, IReadOnlyList<string>)>();
        foreach (var (option, cli) in _options)
        {
            if (parse.GetValue(cli) is not { } text) continue;
            var parts = text.Split(',');
            if (parts.Length > 1 && !_lists) throw new UsageException($"{option.Name}: give one value here (a list of values sweeps it in hwsim montecarlo)");
            if (parts.Any(string.IsNullOrWhiteSpace)) throw new UsageException($"{option.Name}: '{text}' is not a list of values (an empty entry)");
            var values = parts.Select(option.Canonical).ToList();
            if (values.Distinct().Count() != values.Count) throw new UsageException($"{option.Name}: '{text}' lists a value twice");
            given.Add((option, values));
        }
        return given;
    }

    /// <summary>
    /// The one option given a list of values (the sweep), or null; more than one list is refused, naming both options.
    /// </summary>
    public (MappingOption Option, IReadOnlyList<string> Values)? Sweep(ParseResult parse)
    {
        var lists = Given(parse).Where(g => g.Values.Count > 1).ToList();
        if (lists.Count > 1) throw new UsageException($"{lists[0].Option.Name} and {lists[1].Option.Name}: only one option can sweep a list of values at a time");
        return lists.Count == 1 ? lists[0] : null;
    }
}
