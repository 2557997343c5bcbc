using Hwsim.Bridge.Mapping;

namespace Hwsim.Bridge.MonteCarlo;

/// <summary>
/// One mapping option swept over a list of values (<c>--variation 0,0.02,0.05</c>): the column it adds to the Monte
/// Carlo files (named after the option), its values as written canonically, in the order given, and how a value
/// changes the profile.
/// </summary>
public sealed record MonteCarloSweep(string Column, IReadOnlyList<string> Values, Func<MappingProfile, string, MappingProfile> Apply);
