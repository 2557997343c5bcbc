using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Mapping;
using Hwsim.Bridge.Reports;
using Hwsim.Circuits.Blocks;

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
    string? ModelsDirectory = null);

/// <summary>Runs the comparisons of a request and writes their files (CSV, netlists, and the report when a writer is given).</summary>
public static class CompareJob
{
    /// <summary>The comparison cases of a request (demos, or the user's model); throws for an unknown demo.</summary>
    public static IReadOnlyList<ComparisonCase> Cases(CompareRequest request)
    {
        if (request.ModelPath is not null) return new[] { UserModelCase.Load(request.ModelPath, request.InputsPath) };
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
