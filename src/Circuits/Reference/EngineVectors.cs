using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Reference;

/// <summary>Puts our engine's results into the comparer's <see cref="VectorSet"/>, to hold them against ngspice's.</summary>
public static class EngineVectors
{
    public static VectorSet ToVectorSet(AnalysisResult result)
    {
        var set = result.Scale is { } scale ? new VectorSet(scale.Name, scale.Real) : new VectorSet();
        foreach (var v in result.Vectors)
        {
            if (v.Complex is { } c) set.Add(v.Name, c);
            else set.Add(v.Name, v.Real);
        }
        return set;
    }

    /// <summary>Compares one of our results with the ngspice plot of the same analysis, using the comparer's rules.</summary>
    public static ComparisonReport Compare(NgspicePlot ngspice, AnalysisResult ours,
        PointTolerance? points = null, WaveformTolerance? waveforms = null, AcTolerance? ac = null) =>
        ResultComparer.Compare(ngspice, ToVectorSet(ours), points, waveforms, ac);
}
