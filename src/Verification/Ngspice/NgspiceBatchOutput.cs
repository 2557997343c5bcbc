namespace Hwsim.Verification;

/// <summary>What <c>ngspice -b NETLIST.cir</c> (no rawfile) printed: its <c>.print</c> tables and <c>.meas</c> results.</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Errors">Standard error.</param>
/// <param name="ExitCode">ngspice's exit code.</param>
/// <param name="Elapsed">Wall time of the process.</param>
public sealed record NgspiceBatchOutput(string Output, string Errors, int ExitCode, TimeSpan Elapsed)
{
    /// <summary>
    /// The measurement results ngspice printed, by name: every line <c>name = value ...</c> under a
    /// <c>Measurements for ... Analysis</c> header (the value is the first number after the equals sign).
    /// </summary>
    public IReadOnlyDictionary<string, double> Measurements
    {
        get
        {
            var found = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var line in MeasurementLines)
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                var rest = line[(eq + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (rest.Length > 0 && double.TryParse(rest[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                {
                    found[line[..eq].Trim()] = v;
                }
            }

            return found;
        }
    }

    /// <summary>
    /// The measurement result lines exactly as printed: after each <c>Measurements for ... Analysis</c> header, the
    /// lines up to the next blank line (ngspice ends its block with one).
    /// </summary>
    public IReadOnlyList<string> MeasurementLines
    {
        get
        {
            var lines = new List<string>();
            var inside = false;
            var started = false;
            foreach (var raw in Output.Split('\n'))
            {
                var line = raw.TrimEnd('\r', ' ');
                if (line.TrimStart().StartsWith("Measurements for ", StringComparison.Ordinal))
                {
                    inside = true;
                    started = false;
                    continue;
                }

                if (!inside)
                {
                    continue;
                }

                if (line.Length == 0)
                {
                    inside = !started;
                    continue;
                }

                started = true;
                lines.Add(line);
            }

            return lines;
        }
    }
}
