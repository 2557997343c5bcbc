using Hwsim.Circuits.Control.Vectors;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Control;

/// <summary>
/// Between the engine's results and the control language's plots: vectors named as ngspice names them in a plot
/// (<c>v(out)</c>, <c>v1#branch</c>, <c>time</c>) and back (<c>i(v1)</c>) for the measurement, print and rawfile code
/// that reads results.
/// </summary>
public static class PlotConversion
{
    /// <summary>The plot name prefix of an analysis: <c>op</c>, <c>dc</c>, <c>ac</c>, <c>tran</c>, <c>noise</c> (both noise plots: noise1 the spectrum, noise2 the totals).</summary>
    public static string Prefix(AnalysisKind kind) => kind == AnalysisKind.NoiseIntegrated ? "noise" : kind.ShortName();

    /// <summary>Adds a result to the plots as a new current plot (<c>tran1</c>, <c>tran2</c> ...).</summary>
    public static VectorPlot AddResult(PlotSet plots, AnalysisResult result, string title, DateTime date)
    {
        var plot = plots.Add(Prefix(result.Kind), title, PrintTable.PlotName(result.Kind), date);
        Vector? scale = null;
        if (result.Scale is { } s)
        {
            scale = FromResult(s, result.Kind, complexScale: result.Vectors.Count > 0);
            plot.Set(scale);
            plot.Scale = scale;
        }
        // ngspice numbers node voltages before branch currents, so its plots list them in that order
        foreach (var v in result.Vectors.OrderBy(v => v.Name.StartsWith("i(", StringComparison.Ordinal) ? 1 : 0))
            plot.Set(FromResult(v, result.Kind) with { Scale = scale });
        return plot;
    }

    private static Vector FromResult(ResultVector v, AnalysisKind kind, bool complexScale = false)
    {
        var name = PlotName(v.Name);
        var type = TypeOf(v.Name);
        if (v.Complex is { } z) return Vector.OfComplex(name, z, type);
        // ngspice holds the AC frequency as complex with zero imaginary parts when the plot has complex vectors
        // (outitf.c makes the scale complex with its run; an empty circuit's run is real)
        if (kind is AnalysisKind.Ac or AnalysisKind.Sensitivity && v.Name == "frequency" && complexScale) return Vector.OfComplex(name, v.Real, new double[v.Length], type);
        return Vector.OfReal(name, v.Real, type);
    }

    /// <summary><c>i(v1)</c> becomes <c>v1#branch</c>; other names stay.</summary>
    public static string PlotName(string resultName) =>
        resultName.StartsWith("i(", StringComparison.Ordinal) && resultName.EndsWith(')') ? resultName[2..^1] + "#branch" : resultName;

    /// <summary><c>v1#branch</c> becomes <c>i(v1)</c>; other names stay.</summary>
    public static string ResultName(string plotName) =>
        plotName.EndsWith("#branch", StringComparison.OrdinalIgnoreCase) ? $"i({plotName[..^7]})" : plotName;

    private static VectorType TypeOf(string name) => name switch
    {
        "time" => VectorType.Time,
        "frequency" => VectorType.Frequency,
        _ when name.StartsWith("v(", StringComparison.Ordinal) => VectorType.Voltage,
        _ when name.StartsWith("i(", StringComparison.Ordinal) => VectorType.Current,
        _ when name.StartsWith("v-sweep", StringComparison.Ordinal) => VectorType.Voltage,
        _ when name.StartsWith("i-sweep", StringComparison.Ordinal) => VectorType.Current,
        _ when name.StartsWith("temp-sweep", StringComparison.Ordinal) => VectorType.Temperature,
        _ => VectorType.NoType,
    };

    /// <summary>The kind of analysis a plot holds, from its name (<c>tran2</c> is a transient), or null for others.</summary>
    public static AnalysisKind? KindOf(VectorPlot plot)
    {
        var prefix = plot.Name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return prefix switch
        {
            "op" => AnalysisKind.OperatingPoint,
            "dc" => AnalysisKind.DcSweep,
            "ac" => AnalysisKind.Ac,
            "tran" => AnalysisKind.Transient,
            "sens" => AnalysisKind.Sensitivity,
            "pz" => AnalysisKind.PoleZero,
            "tf" => AnalysisKind.TransferFunction,
            _ => null,
        };
    }

    /// <summary>
    /// The vectors of a plot as a result of <paramref name="kind"/> (the plot's scale as the scale, the other
    /// vectors of the scale's length named as results name them), for measurements, tables and rawfiles.
    /// </summary>
    public static AnalysisResult ToResult(VectorPlot plot, AnalysisKind kind, IEnumerable<Vector>? only = null)
    {
        var scale = plot.Scale is { } s ? ToResultVector(s, kind == AnalysisKind.Ac && s.Name == "frequency") : null;
        var vectors = (only ?? plot.Vectors).Where(v => v != plot.Scale).Select(v => ToResultVector(v, false)).ToList();
        return new AnalysisResult(kind, plot.Title, scale, vectors);
    }

    private static ResultVector ToResultVector(Vector v, bool realPart)
    {
        var name = ResultName(v.Name);
        if (v.Imaginary is { } im && !realPart)
        {
            var z = new System.Numerics.Complex[v.Length];
            for (var i = 0; i < z.Length; i++) z[i] = new System.Numerics.Complex(v.Real[i], im[i]);
            return new ResultVector(name, z);
        }
        return new ResultVector(name, v.Real);
    }
}
