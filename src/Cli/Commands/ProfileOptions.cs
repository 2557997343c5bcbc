using System.CommandLine;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Cli.Commands;

/// <summary>The mapping-profile options shared by the bridge commands; unset ones keep the level's defaults.</summary>
internal sealed class ProfileOptions
{
    private readonly Option<double?> _gmin = new("--gmin") { Description = "lowest conductance (S), default 1e-6" };
    private readonly Option<double?> _gmax = new("--gmax") { Description = "highest conductance (S), default 1e-4" };
    private readonly Option<double?> _scale = new("--weight-scale") { Description = "conductance per unit weight (S); default: fitted per layer" };
    private readonly Option<int?> _bits = new("--weight-bits") { Description = "conductance levels 2^bits (macro and device default 8; ideal: exact)" };
    private readonly Option<int?> _inputBits = new("--input-bits") { Description = "DAC bits of the row drivers (default: exact)" };
    private readonly Option<double?> _read = new("--read-voltage") { Description = "row read voltage per unit input (V), default 0.2" };
    private readonly Option<double?> _wire = new("--wire-resistance") { Description = $"wire resistance per crossing segment (ohm), default 0 (device level: {MappingProfile.DeviceWireResistance})" };
    private readonly Option<double?> _sigma = new("--variation") { Description = "log-normal programming variation sigma, default 0" };
    private readonly Option<int?> _seed = new("--seed") { Description = "seed of the variation, default 1" };
    private readonly Option<string?> _device = CreateDevice();

    private static Option<string?> CreateDevice()
    {
        var o = new Option<string?>("--device") { Description = "device at each crossing: resistor or memristor (at its programmed state); default resistor, memristor at the device level" };
        o.AcceptOnlyFromAmong("resistor", "memristor");
        return o;
    }

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { _gmin, _gmax, _scale, _bits, _inputBits, _read, _wire, _sigma, _seed, _device }) cmd.Add(o);
    }

    public MappingProfile Build(ParseResult parse, FidelityLevel level) => Build(parse, MappingProfile.For(level));

    /// <summary>The base profile (a level's defaults, or a demo's device-level settings) with the options given.</summary>
    public MappingProfile Build(ParseResult parse, MappingProfile p)
    {
        if (parse.GetValue(_gmin) is { } gmin) p = p with { Gmin = gmin };
        if (parse.GetValue(_gmax) is { } gmax) p = p with { Gmax = gmax };
        if (parse.GetValue(_scale) is { } scale) p = p with { WeightScale = scale };
        if (parse.GetValue(_bits) is { } bits) p = p with { WeightBits = bits };
        if (parse.GetValue(_inputBits) is { } ib) p = p with { InputBits = ib };
        if (parse.GetValue(_read) is { } read) p = p with { ReadVoltage = read };
        if (parse.GetValue(_wire) is { } wire) p = p with { WireResistance = wire };
        if (parse.GetValue(_sigma) is { } sigma) p = p with { VariationSigma = sigma };
        if (parse.GetValue(_seed) is { } seed) p = p with { Seed = seed };
        if (parse.GetValue(_device) is { } device)
            p = p with { Device = device == "memristor" ? CrossbarDeviceKind.Memristor : CrossbarDeviceKind.Resistor };
        return p;
    }
}
