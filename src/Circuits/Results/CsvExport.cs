using System.Globalization;

namespace Hwsim.Circuits.Results;

/// <summary>
/// Writes results as CSV, a contract of <c>hwsim run --out</c>: a header row of vector names as ngspice names them,
/// lower case, then one row per point; the scale first; AC vectors as two columns named like SPICE's
/// <c>.print ac</c> (<c>vr(out)</c>, <c>vi(out)</c>, <c>ir(v1)</c>, <c>ii(v1)</c>). Numbers are invariant-culture, round-trip.
/// The file is written to a temporary name and renamed, so no half-written file is ever left behind.
/// </summary>
public static class CsvExport
{
    public static string ToCsv(AnalysisResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(result, text);
        return text.ToString();
    }

    /// <summary>Writes the CSV row by row to <paramref name="output"/> (no whole table held as text).</summary>
    public static void WriteTo(AnalysisResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var columns = new List<(string Name, Func<int, double> Value)>();
        foreach (var v in result.AllVectors)
        {
            if (v.Complex is { } c)
            {
                var (re, im) = ComplexColumnNames(v.Name);
                columns.Add((re, i => c[i].Real));
                columns.Add((im, i => c[i].Imaginary));
            }
            else
            {
                var values = v.Real;
                columns.Add((v.Name.ToLowerInvariant(), i => values[i]));
            }
        }

        output.Write(string.Join(',', columns.Select(c => c.Name)));
        output.Write('\n');
        Span<char> number = stackalloc char[32];
        for (var i = 0; i < result.Points; i++)
        {
            for (var k = 0; k < columns.Count; k++)
            {
                if (k > 0) output.Write(',');
                var x = columns[k].Value(i);
                if (x.TryFormat(number, out var written, "R", CultureInfo.InvariantCulture)) output.Write(number[..written]);
                else output.Write(x.ToString("R", CultureInfo.InvariantCulture));
            }
            output.Write('\n');
        }
    }

    /// <summary>v(out) -> vr(out), vi(out); i(v1) -> ir(v1), ii(v1); anything else -> name_re, name_im.</summary>
    public static (string Real, string Imaginary) ComplexColumnNames(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.Length > 2 && (n[0] == 'v' || n[0] == 'i') && n[1] == '(')
            return ($"{n[0]}r{n[1..]}", $"{n[0]}i{n[1..]}");
        return ($"{n}_re", $"{n}_im");
    }

    public static void Write(AnalysisResult result, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
            WriteTo(result, writer);
        });
}

/// <summary>Writes a file through a temporary sibling and a rename, so readers never see it half written.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(text);
        });

    /// <summary>Writes through <paramref name="write"/> into a temporary sibling, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
