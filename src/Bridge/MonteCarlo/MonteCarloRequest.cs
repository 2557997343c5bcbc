using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// What <c>hwsim montecarlo</c> was asked to do: the cases (demos or a user's model), the level, the number of
/// samples and the study seed, which part to run (<see cref="Shard"/>) on how many workers, the profile with every
/// single-valued option applied, the optional sweep, and the settings that make the study what it is (written to the
/// manifest; shards of one study carry the same).
/// </summary>
public sealed record MonteCarloRequest
{
    public required IReadOnlyList<ComparisonCase> Cases { get; init; }
    public required FidelityLevel Level { get; init; }
    public required int Samples { get; init; }
    public long Seed { get; init; } = 1;
    public Shard Shard { get; init; } = Shard.Whole;
    /// <summary>Worker threads, one engine each at a time.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public required MappingProfile Profile { get; init; }
    /// <summary>
    /// The single-valued options of the study applied to a base profile: at the device level a demo's own device
    /// profile (<see cref="ComparisonCase.DeviceProfile"/>) is the base, as in compare; <see cref="Profile"/> is the
    /// level's defaults with them.
    /// </summary>
    public Func<MappingProfile, MappingProfile> Customize { get; init; } = p => p;
    /// <summary>Device level: the clock period (s) of every sample; null chooses it once per demo from the nominal circuit's settling.</summary>
    public double? ClockPeriod { get; init; }
    public MonteCarloSweep? Sweep { get; init; }
    /// <summary>The study's settings as (name, value) in a fixed order, e.g. ("--weight-bits", "4").</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; }

    /// <summary>The sweep values, or one null for a study without a sweep.</summary>
    public IReadOnlyList<string?> SweepValues => Sweep is { } s ? s.Values.Cast<string?>().ToArray() : new string?[] { null };

    /// <summary>The profile of a sweep value (the base profile without a sweep).</summary>
    public MappingProfile ProfileAt(string? value) => value is null || Sweep is null ? Profile : Sweep.Apply(Profile, value);

    /// <summary>The profile of a case at a sweep value: at the device level on the demo's device profile, else as <see cref="ProfileAt(string?)"/>.</summary>
    public MappingProfile ProfileAt(ComparisonCase c, string? value)
    {
        if (Level != FidelityLevel.Device || c.DeviceProfile is not { } device) return ProfileAt(value);
        var p = Customize(device);
        return value is null || Sweep is null ? p : Sweep.Apply(p, value);
    }
}
