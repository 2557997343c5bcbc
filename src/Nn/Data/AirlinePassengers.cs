using System.Reflection;

namespace Hwsim.Nn.Data;

/// <summary>
/// Monthly totals of international airline passengers (thousands), January 1949 to December 1960: Box and
/// Jenkins' series G (R's AirPassengers). The file data/airline-passengers.csv is embedded in this assembly.
/// </summary>
public static class AirlinePassengers
{
    private static readonly Lazy<double[]> Cached = new(Load);

    /// <summary>The 144 monthly values, in thousands of passengers.</summary>
    public static IReadOnlyList<double> Values => Cached.Value;

    /// <summary>The embedded CSV text (columns month, passengers).</summary>
    public static string CsvText()
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hwsim.Nn.Data.airline-passengers.csv")
            ?? throw new InvalidOperationException("the airline passengers data is not embedded");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private static double[] Load()
    {
        var table = CsvTable.Parse(CsvText(), "airline-passengers.csv");
        var v = table.Column("passengers");
        if (v.Length != 144) throw new InvalidOperationException($"expected 144 months, found {v.Length}");
        return v;
    }
}
