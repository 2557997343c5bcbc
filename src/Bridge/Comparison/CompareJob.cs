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

    /// <summary>Runs every comparison of the request, writes its files, then calls <paramref name="report"/> (the HTML report).</summary>
    public static IReadOnlyList<ComparisonResult> Run(CompareRequest request, ICompareProgress? progress = null,
        Action<IReadOnlyList<ComparisonResult>, string>? report = null)
    {
        var cases = Cases(request);
        var results = new List<ComparisonResult>();
        IEnumerable<FidelityLevel> LevelsOf(ComparisonCase c) =>
            request.Levels.Where(l => !request.MainJob || l != FidelityLevel.Device || c.DeviceInMainJob);
        ComparisonCase RunOf(ComparisonCase c, FidelityLevel level) => level == FidelityLevel.Device ? c.ForDevice() : c;
        var runs = cases.Sum(c => LevelsOf(c).Count());
        var totalPoints = cases.Sum(c => LevelsOf(c).Sum(l => (long)RunOf(c, l).Inputs.Count));
        var done = 0;
        foreach (var c in cases)
        {
            foreach (var level in LevelsOf(c))
            {
                done++;
                var run = RunOf(c, level);
                progress?.Begin(c.Name, level, c.Model.IsSequenceModel, done, runs, run.Inputs.Count, totalPoints);
                var baseProfile = level == FidelityLevel.Device && c.DeviceProfile is { } d ? d : MappingProfile.For(level);
                var profile = request.Customize?.Invoke(level, baseProfile) ?? request.ProfileFor?.Invoke(level) ?? baseProfile;
                results.Add(Comparer.Run(run, level, profile, progress is null ? null : (points, _) => progress.Point(points), device: request.Device));
            }
        }
        progress?.Writing();
        CompareOutputs.Write(results, request.OutputDirectory);
        report?.Invoke(results, request.OutputDirectory);
        return results;
    }
}
