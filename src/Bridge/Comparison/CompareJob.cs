using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Evaluation;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.Reports;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Comparison;

/// <summary>
/// What <c>hwsim compare</c> was asked to do. Demos are read from <paramref name="ModelsDirectory"/> (found by the
/// command); a user's model from <paramref name="ModelPath"/>.
/// </summary>
public sealed record CompareRequest(
    IReadOnlyList<string> Demos,
    IReadOnlyList<FidelityLevel> Levels,
    string OutputDirectory,
    string? ModelPath = null,
    string? InputsPath = null,
    Func<FidelityLevel, MappingProfile>? ProfileFor = null,
    string? ModelsDirectory = null,
    string? InputColumns = null)
{
    /// <summary>
    /// Changes a level's base profile (the level's defaults, or the demo's device-level settings) as the user asked;
    /// takes precedence over <see cref="ProfileFor"/>.
    /// </summary>
    public Func<FidelityLevel, MappingProfile, MappingProfile>? Customize { get; init; }
    /// <summary>How the device level runs (clock period, simulator, period sweep).</summary>
    public DeviceOptions Device { get; init; } = DeviceOptions.Default;
    /// <summary>
    /// The main job (no level asked for): the device level only for the cases marked to run there
    /// (<see cref="ComparisonCase.DeviceInMainJob"/>), the other levels for all.
    /// </summary>
    public bool MainJob { get; init; }
}

/// <summary>Runs the comparisons of a request and writes their files (CSV, netlists, and the report when a writer is given).</summary>
public static class CompareJob
{
    /// <summary>The comparison cases of a request (demos, or the user's model); throws for an unknown demo.</summary>
    public static IReadOnlyList<ComparisonCase> Cases(CompareRequest request)
    {
        if (request.ModelPath is not null && request.Demos.Count == 1)
        {
            // A model of the user's (e.g. retrained) on the demo's test data and task metric: the same footing as the demo's own.
            var demo = BridgeDemos.Get(request.Demos[0]);
            var c = demo.ToCase(ModelLoader.Load(request.ModelPath));
            return new[] { c with { Notes = [$"model {Path.GetFileName(request.ModelPath)} ('{c.Model.Name}') on the test data and metric of {demo.Name}"] } };
        }
        if (request.ModelPath is not null) return new[] { UserModelCase.Load(request.ModelPath, request.InputsPath, columns: request.InputColumns) };
        var demos = request.Demos.Count > 0 ? request.Demos.Select(BridgeDemos.Get).ToList() : BridgeDemos.All;
        var models = request.ModelsDirectory ?? throw new ArgumentException("no models folder given for the demos");
        return demos.Select(d => d.ToCase(models)).ToList();
    }

    public static IReadOnlyList<ComparisonResult> Run(CompareRequest request, Action<string>? log = null,
        Action<IReadOnlyList<ComparisonResult>, string>? report = null)
    {
        var cases = Cases(request);
        var results = new List<ComparisonResult>();
        IEnumerable<FidelityLevel> LevelsOf(ComparisonCase c) =>
            request.Levels.Where(l => !request.MainJob || l != FidelityLevel.Device || c.DeviceInMainJob);
        var total = cases.Sum(c => LevelsOf(c).Count());
        var done = 0;
        foreach (var c in cases)
        {
            foreach (var level in LevelsOf(c))
            {
                done++;
                var run = level == FidelityLevel.Device ? c.ForDevice() : c;
                log?.Invoke($"[{done}/{total}] {c.Name} at the {level.Name()} level ({run.Inputs.Count} {(c.Model.IsSequenceModel ? "steps" : "samples")})");
                var baseProfile = level == FidelityLevel.Device && c.DeviceProfile is { } d ? d : MappingProfile.For(level);
                var profile = request.Customize?.Invoke(level, baseProfile) ?? request.ProfileFor?.Invoke(level) ?? baseProfile;
                results.Add(Comparer.Run(run, level, profile, device: request.Device));
            }
        }
        CompareOutputs.Write(results, request.OutputDirectory);
        report?.Invoke(results, request.OutputDirectory);
        return results;
    }
}
