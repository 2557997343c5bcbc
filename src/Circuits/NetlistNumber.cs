using System.Globalization;

namespace Hwsim.Circuits;

/// <summary>Numbers as written into netlists: shortest round-trip form, invariant culture, so a written netlist re-reads exactly.</summary>
public static class NetlistNumber
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
