using System.Globalization;
using System.Text;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Measurements;

/// <summary>
/// Writes measurement results as CSV, a contract of <c>hwsim run</c> (<c>NAME.meas.csv</c> beside <c>--out</c>): a
/// header <c>name,value</c>, then one row per <c>.meas</c> line in the order measured, the value round-trip and
/// invariant-culture, empty for a measurement that failed.
/// </summary>
public static class MeasureCsv
{
    /// <summary>The CSV text.</summary>
    public static string ToCsv(IEnumerable<MeasureResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder("name,value\n");
        foreach (var r in results)
            text.Append(r.Name).Append(',').Append(r.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "").Append('\n');
        return text.ToString();
    }

    /// <summary>Writes the CSV through a temporary file and a rename.</summary>
    public static void Write(IEnumerable<MeasureResult> results, string path) => AtomicFile.WriteAllText(path, ToCsv(results));

    /// <summary>The measurement file beside an output: <c>results.csv</c> or <c>results.raw</c> -> <c>results.meas.csv</c>.</summary>
    public static string PathBeside(string output)
    {
        var dir = Path.GetDirectoryName(output) ?? ".";
        var name = Path.GetFileName(output);
        var stem = Path.GetExtension(name) is ".csv" or ".raw" ? Path.GetFileNameWithoutExtension(name) : name;
        return Path.Combine(dir, stem + ".meas.csv");
    }
}
