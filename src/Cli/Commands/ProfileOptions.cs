using System.CommandLine;
using System.Globalization;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Cli.Commands;

/// <summary>
/// The mapping-profile options shared by the bridge commands; unset ones keep the level's defaults. Each value is
/// checked here, naming its option, so that a bad value is exit code 2 before any work (not an "Infinity" in a netlist).
/// </summary>
internal sealed class ProfileOptions
{
    /// <summary>The largest log-normal sigma: beyond it the spread of exp(sigma z) covers over twenty decades of conductance.</summary>
    public const double MaxVariation = 3;

    private readonly Option<double?> _gmin = new("--gmin") { Description = "lowest conductance (S), > 0, default 1e-6" };
    private readonly Option<double?> _gmax = new("--gmax") { Description = "highest conductance (S), > gmin, default 1e-4" };
    private readonly Option<double?> _scale = new("--weight-scale") { Description = "conductance per unit weight (S); default: fitted per layer" };
    private readonly Option<int?> _bits = new("--weight-bits") { Description = "conductance levels 2^bits, 1 to 24 (macro and device default 8; ideal: exact)" };
    private readonly Option<int?> _inputBits = new("--input-bits") { Description = "DAC bits of the row drivers, 1 to 24 (default: exact)" };
    private readonly Option<double?> _read = new("--read-voltage") { Description = "row read voltage per unit input (V), > 0, default 0.2" };
    private readonly Option<double?> _wire = new("--wire-resistance") { Description = $"wire resistance per crossing segment (ohm), >= 0, default 0 (device level: {MappingProfile.DeviceWireResistance})" };
    private readonly Option<double?> _sigma = new("--variation") { Description = $"log-normal programming variation sigma, 0 to {MaxVariation}, default 0" };
    private readonly Option<int?> _seed = new("--seed") { Description = "seed of the variation, default 1" };
    private readonly Option<string?> _device = CreateDevice();

    private static Option<string?> CreateDevice()
    {
        var o = new Option<string?>("--device") { Description = "device at each crossing: resistor or memristor (at its programmed state); default resistor, memristor at the device level" };
        o.AcceptOnlyFromAmong("resistor", "memristor");
        return o;
    }

    private Option[] All => [_gmin, _gmax, _scale, _bits, _inputBits, _read, _wire, _sigma, _seed, _device];

    public void AddTo(Command cmd)
    {
        foreach (var o in All) cmd.Add(o);
    }

    /// <summary>The names of the options given on the command line, in table order.</summary>
    public IEnumerable<string> Given(ParseResult parse) => All.Where(o => parse.GetResult(o) is not null).Select(o => o.Name);

    /// <summary>The names of the given options that hardware-aware training does not model (wire resistance, input DAC bits).</summary>
    public IEnumerable<string> GivenNotTrained(ParseResult parse) =>
        new Option[] { _wire, _inputBits }.Where(o => parse.GetResult(o) is not null).Select(o => o.Name);

    /// <summary>The profile of a level with the options given; throws <see cref="UsageException"/> naming a bad option.</summary>
    public MappingProfile Build(ParseResult parse, FidelityLevel level) => Build(parse, MappingProfile.For(level));

    /// <summary>The base profile (a level's defaults, or a demo's device-level settings) with the options given.</summary>
    public MappingProfile Build(ParseResult parse, MappingProfile p)
    {
        if (parse.GetValue(_gmin) is { } gmin) p = p with { Gmin = Positive(_gmin, gmin) };
        if (parse.GetValue(_gmax) is { } gmax) p = p with { Gmax = Positive(_gmax, gmax) };
        if (!(p.Gmax > p.Gmin)) throw new UsageException($"--gmax ({G(p.Gmax)} S) must be above --gmin ({G(p.Gmin)} S)");
        if (parse.GetValue(_scale) is { } scale) p = p with { WeightScale = Positive(_scale, scale) };
        if (parse.GetValue(_bits) is { } bits) p = p with { WeightBits = Bits(_bits, bits) };
        if (parse.GetValue(_inputBits) is { } ib) p = p with { InputBits = Bits(_inputBits, ib) };
        if (parse.GetValue(_read) is { } read) p = p with { ReadVoltage = Positive(_read, read) };
        if (parse.GetValue(_wire) is { } wire)
        {
            if (!(wire >= 0) || !double.IsFinite(wire)) throw new UsageException($"{_wire.Name} must be a finite resistance >= 0 (ohm), got {G(wire)}");
            p = p with { WireResistance = wire };
        }
        if (parse.GetValue(_sigma) is { } sigma)
        {
            if (!(sigma is >= 0 and <= MaxVariation))
                throw new UsageException($"{_sigma.Name} must be between 0 and {G(MaxVariation)} (a log-normal sigma), got {G(sigma)}");
            p = p with { VariationSigma = sigma };
        }
        if (parse.GetValue(_seed) is { } seed) p = p with { Seed = seed };
        if (parse.GetValue(_device) is { } device)
            p = p with { Device = device == "memristor" ? CrossbarDeviceKind.Memristor : CrossbarDeviceKind.Resistor };
        return p;
    }

    private static double Positive(Option option, double value) =>
        value > 0 && double.IsFinite(value) ? value : throw new UsageException($"{option.Name} must be a finite number above 0, got {G(value)}");

    private static int Bits(Option option, int value) =>
        value is >= 1 and <= 24 ? value : throw new UsageException($"{option.Name} must be between 1 and 24, got {value}");

    private static string G(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
