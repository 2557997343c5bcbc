using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Hwsim.Circuits.Results;

namespace Hwsim.Verification;

/// <summary>
/// Reads SPICE rawfiles as ngspice writes them: one or more plots, each a text header (<c>Title:</c>,
/// <c>Plotname:</c>, <c>Flags:</c>, <c>No. Variables:</c>, <c>No. Points:</c>, <c>Variables:</c>) followed either by
/// <c>Binary:</c> and little-endian doubles (point-major; two doubles per value when the flags say complex, the scale
/// included) or by <c>Values:</c> and text (per point: its index, then one value per variable, <c>re,im</c> when complex).
/// </summary>
public static class RawFileReader
{
    /// <summary>Reads every plot of a rawfile.</summary>
    /// <exception cref="RawFileFormatException">The file is malformed or truncated.</exception>
    public static IReadOnlyList<NgspicePlot> Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses every plot of a rawfile held in memory.</summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="path">The file name used in error messages.</param>
    /// <exception cref="RawFileFormatException">The data is malformed or truncated.</exception>
    public static IReadOnlyList<NgspicePlot> Parse(byte[] data, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plots = new List<NgspicePlot>();
        var pos = 0;
        while (true)
        {
            while (pos < data.Length && data[pos] is (byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t' or 0)
            {
                pos++;
            }

            if (pos >= data.Length)
            {
                return plots;
            }

            plots.Add(ReadPlot(data, ref pos, path));
        }
    }

    private static NgspicePlot ReadPlot(byte[] data, ref int pos, string? path)
    {
        string title = "", plotName = "", flags = "real";
        int variables = -1, points = -1;
        var names = new List<(string Name, string Type)>();
        var start = pos;
        while (true)
        {
            if (pos >= data.Length)
            {
                throw new RawFileFormatException("header ends before 'Binary:' or 'Values:'", path, start);
            }

            var lineStart = pos;
            var line = ReadLine(data, ref pos);
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key.ToLowerInvariant())
            {
                case "title":
                    title = value;
                    break;
                case "plotname":
                    plotName = value;
                    break;
                case "flags":
                    flags = value.ToLowerInvariant();
                    break;
                case "no. variables":
                    variables = ParseCount(value, "No. Variables", path, lineStart);
                    break;
                case "no. points":
                    points = ParseCount(value, "No. Points", path, lineStart);
                    break;
                case "variables":
                    if (variables < 0)
                    {
                        throw new RawFileFormatException("'Variables:' before 'No. Variables:'", path, lineStart);
                    }

                    var pending = value.Length > 0 ? value : null;
                    while (names.Count < variables)
                    {
                        var varStart = pos;
                        var varLine = pending ?? ReadLine(data, ref pos);
                        pending = null;
                        var parts = varLine.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                        if (parts.Length < 3)
                        {
                            if (pos >= data.Length)
                            {
                                throw new RawFileFormatException("variable list is truncated", path, varStart);
                            }

                            continue;
                        }

                        names.Add((parts[1], parts[2].ToLowerInvariant()));
                    }

                    break;
                case "binary":
                case "values":
                    if (variables < 0 || points < 0 || names.Count != variables)
                    {
                        throw new RawFileFormatException(
                            "data section before a complete header (No. Variables, No. Points, Variables)", path, lineStart);
                    }

                    var complex = flags.Contains("complex");
                    var analysis = KindOf(plotName);
                    var columns = key.Equals("binary", StringComparison.OrdinalIgnoreCase)
                        ? ReadBinary(data, ref pos, variables, points, complex, path)
                        : ReadAscii(data, ref pos, variables, points, complex, path);
                    return Build(title, plotName, analysis, complex, names, columns);
            }
        }
    }

    private static NgspicePlot Build(
        string title, string plotName, AnalysisKind? analysis, bool complex, List<(string Name, string Type)> names, Complex[][] columns)
    {
        var vectors = new NgspiceVector[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var (raw, type) = names[i];
            var isScale = i == 0 && analysis is not (AnalysisKind.OperatingPoint or AnalysisKind.NoiseIntegrated)
                          && (analysis is not null || type is not ("voltage" or "current"));
            var lower = raw.ToLowerInvariant();
            var name = type is "voltage" or "current" || lower.IndexOfAny(['(', '#', '@']) >= 0
                ? VectorNames.Normalize(raw)
                : lower;
            // ngspice wraps its integrated-noise vectors in v() or i() by their type only: onoise_total is the name.
            if (name.Length > 3 && name[1] == '(' && name[^1] == ')' && name[2..^1] is var inner
                && (inner.StartsWith("onoise", StringComparison.Ordinal) || inner.StartsWith("inoise", StringComparison.Ordinal)))
            {
                name = inner;
            }
            var kind = isScale ? VectorKind.Scale : VectorNames.KindOf(name);
            if (kind == VectorKind.Scale && !isScale)
            {
                kind = VectorKind.Other;
            }

            var real = columns[i].Select(c => c.Real).ToArray();
            vectors[i] = new NgspiceVector(name, raw, type, kind, real, complex && !isScale ? columns[i] : null);
        }

        return new NgspicePlot(title, plotName, analysis, complex, vectors);
    }

    private static Complex[][] ReadBinary(byte[] data, ref int pos, int variables, int points, bool complex, string? path)
    {
        var width = complex ? 16 : 8;
        long needed = (long)variables * points * width;
        if (data.Length - pos < needed)
        {
            throw new RawFileFormatException(
                $"binary data truncated: {points} points x {variables} variables need {needed} bytes, {data.Length - pos} present",
                path, pos);
        }

        var columns = NewColumns(variables, points);
        var span = data.AsSpan();
        for (var p = 0; p < points; p++)
        {
            for (var v = 0; v < variables; v++)
            {
                var re = BinaryPrimitives.ReadDoubleLittleEndian(span[pos..]);
                var im = complex ? BinaryPrimitives.ReadDoubleLittleEndian(span[(pos + 8)..]) : 0.0;
                columns[v][p] = new Complex(re, im);
                pos += width;
            }
        }

        return columns;
    }

    private static Complex[][] ReadAscii(byte[] data, ref int pos, int variables, int points, bool complex, string? path)
    {
        var columns = NewColumns(variables, points);
        var expected = (long)points * (variables + 1);
        long read = 0;
        while (read < expected)
        {
            if (pos >= data.Length)
            {
                throw new RawFileFormatException(
                    $"ASCII data truncated: {points} points x {variables} variables expected, {read / (variables + 1)} complete",
                    path, pos);
            }

            var lineStart = pos;
            var line = ReadLine(data, ref pos);
            foreach (var token in line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (read >= expected)
                {
                    break;
                }

                var slot = (int)(read % (variables + 1));
                var point = (int)(read / (variables + 1));
                read++;
                if (slot == 0)
                {
                    continue; // the point's index
                }

                columns[slot - 1][point] = ParseValue(token, complex, path, lineStart);
            }
        }

        return columns;
    }

    private static Complex ParseValue(string token, bool complex, string? path, long offset)
    {
        if (complex)
        {
            var comma = token.IndexOf(',');
            if (comma < 0)
            {
                throw new RawFileFormatException($"complex value '{token}' lacks 're,im'", path, offset);
            }

            return new Complex(ParseDouble(token[..comma], path, offset), ParseDouble(token[(comma + 1)..], path, offset));
        }

        return new Complex(ParseDouble(token, path, offset), 0);
    }

    private static double ParseDouble(string token, string? path, long offset) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x
            : throw new RawFileFormatException($"'{token}' is not a number", path, offset);

    private static int ParseCount(string value, string what, string? path, long offset) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new RawFileFormatException($"{what} '{value}' is not a count", path, offset);

    private static Complex[][] NewColumns(int variables, int points)
    {
        var columns = new Complex[variables][];
        for (var v = 0; v < variables; v++)
        {
            columns[v] = new Complex[points];
        }

        return columns;
    }

    /// <summary>The analysis named by a plot name; null for plots of other analyses (noise, pole-zero, ...).</summary>
    private static AnalysisKind? KindOf(string plotName)
    {
        var n = plotName.ToLowerInvariant();
        return n switch
        {
            _ when n.StartsWith("operating point", StringComparison.Ordinal) => AnalysisKind.OperatingPoint,
            _ when n.StartsWith("dc transfer", StringComparison.Ordinal) => AnalysisKind.DcSweep,
            _ when n.StartsWith("ac analysis", StringComparison.Ordinal) => AnalysisKind.Ac,
            _ when n.StartsWith("transient analysis", StringComparison.Ordinal) => AnalysisKind.Transient,
            _ when n.StartsWith("noise spectral density curves", StringComparison.Ordinal) => AnalysisKind.Noise,
            _ when n.StartsWith("integrated noise", StringComparison.Ordinal) => AnalysisKind.NoiseIntegrated,
            _ => null,
        };
    }

    private static string ReadLine(byte[] data, ref int pos)
    {
        var start = pos;
        var end = Array.IndexOf(data, (byte)'\n', pos);
        if (end < 0)
        {
            end = data.Length;
        }

        pos = Math.Min(end + 1, data.Length);
        var length = end - start;
        if (length > 0 && data[end - 1] == (byte)'\r')
        {
            length--;
        }

        return Encoding.Latin1.GetString(data, start, length);
    }
}
