namespace Hwsim.Verification;

/// <summary>
/// The vector naming rules shared by the engine and the ngspice harness, so that both sides of a comparison name a
/// quantity the same way.
/// </summary>
/// <remarks>
/// Normalised names are lower case and follow what ngspice 39 itself writes into a rawfile:
/// <list type="bullet">
/// <item>node voltages <c>v(out)</c>; sub-circuit nodes <c>v(x1.n1)</c>, nested <c>v(x1.x2.n1)</c>;</item>
/// <item>branch currents <c>i(v1)</c>; ngspice's interactive name <c>v1#branch</c> maps to the same; a source inside a
/// sub-circuit is <c>i(v.x1.v1)</c> (ngspice puts the element letter first: <c>v.x1.v1#branch</c>);</item>
/// <item>scale vectors: <c>time</c>, <c>frequency</c>, and for <c>.dc</c> the inner sweep: <c>v(v-sweep)</c> for a
/// voltage source, <c>i(i-sweep)</c> for a current source, <c>res-sweep</c> for a resistor, <c>temp-sweep</c> for
/// the temperature (ngspice does not use the swept element's own name);</item>
/// <item>device quantities <c>@r1[i]</c>, <c>@d.x1.d1[id]</c> (the rawfile writes <c>i(@r1[i])</c>).</item>
/// </list>
/// </remarks>
public static class VectorNames
{
    /// <summary>The scale of a transient plot.</summary>
    public const string Time = "time";

    /// <summary>The scale of an AC plot.</summary>
    public const string Frequency = "frequency";

    /// <summary>The scale of a <c>.dc</c> sweep of a voltage source.</summary>
    public const string VoltageSweep = "v(v-sweep)";

    /// <summary>The scale of a <c>.dc</c> sweep of a current source.</summary>
    public const string CurrentSweep = "i(i-sweep)";

    /// <summary>The scale of a <c>.dc</c> sweep of a resistor.</summary>
    public const string ResistorSweep = "res-sweep";

    /// <summary>The scale of a <c>.dc temp</c> sweep.</summary>
    public const string TemperatureSweep = "temp-sweep";

    /// <summary>
    /// Normalises a vector name: lower case, no blanks, <c>out</c> -> <c>v(out)</c>, <c>V(OUT,0)</c> -> <c>v(out)</c>,
    /// <c>v1#branch</c> -> <c>i(v1)</c>, <c>i(@r1[i])</c> -> <c>@r1[i]</c>, <c>v-sweep</c> -> <c>v(v-sweep)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (n.Length == 0)
        {
            throw new ArgumentException("A vector name must not be empty.", nameof(name));
        }

        if (n.StartsWith('@'))
        {
            return n;
        }

        if (IsCall(n, 'i'))
        {
            var inner = n[2..^1];
            if (inner.StartsWith('@'))
            {
                return inner;
            }

            return inner.EndsWith("#branch", StringComparison.Ordinal) ? $"i({inner[..^7]})" : n;
        }

        if (IsCall(n, 'v'))
        {
            var inner = n[2..^1];
            var comma = inner.IndexOf(',');
            if (comma >= 0 && inner[(comma + 1)..] is "0" or "gnd")
            {
                return $"v({inner[..comma]})";
            }

            return n;
        }

        if (n.EndsWith("#branch", StringComparison.Ordinal))
        {
            return $"i({n[..^7]})";
        }

        return n switch
        {
            Time or Frequency or ResistorSweep or TemperatureSweep => n,
            "i-sweep" => CurrentSweep,
            _ => $"v({n})",
        };
    }

    /// <summary>What a name denotes, after normalising it.</summary>
    public static VectorKind KindOf(string name)
    {
        var n = Normalize(name);
        if (n is Time or Frequency or VoltageSweep or CurrentSweep or ResistorSweep or TemperatureSweep)
        {
            return VectorKind.Scale;
        }

        if (n.StartsWith('@'))
        {
            return VectorKind.DeviceQuantity;
        }

        if (n.Contains('#'))
        {
            return VectorKind.Other;
        }

        if (IsCall(n, 'v'))
        {
            return VectorKind.NodeVoltage;
        }

        return IsCall(n, 'i') ? VectorKind.BranchCurrent : VectorKind.Other;
    }

    /// <summary>
    /// True when the named quantity is a current (<c>i(...)</c>, or a device quantity whose parameter starts with
    /// <c>i</c> such as <c>@r1[i]</c>, <c>@d1[id]</c>): the comparisons then use the current's absolute tolerance.
    /// </summary>
    public static bool IsCurrent(string name)
    {
        var n = Normalize(name);
        if (IsCall(n, 'i'))
        {
            return true;
        }

        var bracket = n.IndexOf('[');
        return n.StartsWith('@') && bracket >= 0 && bracket + 1 < n.Length && n[bracket + 1] == 'i';
    }

    private static bool IsCall(string n, char letter) =>
        n.Length > 3 && n[0] == letter && n[1] == '(' && n[^1] == ')';
}
