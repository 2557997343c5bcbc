namespace Hwsim.Nn.Data;

/// <summary>
/// Picks columns of a CSV table from a command-line list: names or 0-based indices separated by commas, and ranges
/// <c>A-B</c> of either (<c>x0,x1</c>, <c>0-3</c>, <c>p00-p77</c>). A name that matches a header exactly wins over a
/// number or a range of the same spelling.
/// </summary>
public static class ColumnSelection
{
    /// <summary>The 0-based indices <paramref name="spec"/> names, in its order; a <see cref="CsvFormatException"/> at the header line otherwise.</summary>
    public static int[] Parse(string spec, IReadOnlyList<string> header, string source, string option)
    {
        var picked = new List<int>();
        foreach (var raw in spec.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0) throw Error($"{option} '{spec}' has an empty item");
            if (Resolve(item) is int single)
            {
                picked.Add(single);
                continue;
            }
            int dash = item.IndexOf('-', 1);
            if (dash > 0 && Resolve(item[..dash].Trim()) is int from && Resolve(item[(dash + 1)..].Trim()) is int to && from <= to)
            {
                for (int k = from; k <= to; k++) picked.Add(k);
                continue;
            }
            throw Error($"{option} '{item}': no such column (columns: {string.Join(", ", header)})");
        }
        return picked.ToArray();

        int? Resolve(string item)
        {
            for (int k = 0; k < header.Count; k++)
                if (header[k] == item) return k;
            return int.TryParse(item, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) && i < header.Count ? i : null;
        }

        CsvFormatException Error(string detail) => new(detail, source, 1);
    }

    /// <summary>The table with only the given columns, in that order.</summary>
    public static CsvTable Select(CsvTable table, IReadOnlyList<int> columns) =>
        new(columns.Select(c => table.Header[c]).ToArray(), table.Rows.Select(r => columns.Select(c => r[c]).ToArray()).ToArray(),
            Enumerable.Range(0, table.Rows.Count).Select(table.LineOf).ToArray());
}
