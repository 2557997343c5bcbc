using Hwsim.Bridge.Demos;
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
    string? InputColumns = null);

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
        var total = cases.Count * request.Levels.Count;
        var done = 0;
        foreach (var c in cases)
        {
            foreach (var level in request.Levels)
            {
                done++;
                log?.Invoke($"[{done}/{total}] {c.Name} at the {level.Name()} level ({c.Inputs.Count} {(c.Model.IsSequenceModel ? "steps" : "samples")})");
                var profile = request.ProfileFor?.Invoke(level) ?? MappingProfile.For(level);
                results.Add(Comparer.Run(c, level, profile));
            }
        }
        CompareOutputs.Write(results, request.OutputDirectory);
        report?.Invoke(results, request.OutputDirectory);
        return results;
    }
}
