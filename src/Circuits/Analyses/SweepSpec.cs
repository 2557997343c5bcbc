namespace Hwsim.Circuits.Analyses;

/// <summary>One sweep of <c>.dc</c>: a voltage or current source, a resistor, or <c>temp</c>, from start to stop by step.</summary>
public sealed record SweepSpec(string Source, double Start, double Stop, double Step)
{
    public string ToNetlist() =>
        $"{Source} {NetlistNumber.Format(Start)} {NetlistNumber.Format(Stop)} {NetlistNumber.Format(Step)}";
}
