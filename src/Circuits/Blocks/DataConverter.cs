namespace Hwsim.Circuits.Blocks;

/// <summary>Which side of a layer a <see cref="DataConverter"/> sits on.</summary>
public enum ConverterKind
{
    /// <summary>Digital-to-analog at a layer's inputs: 2^b levels from the minimum to the maximum, both included.</summary>
    Dac,
    /// <summary>Analog-to-digital at a layer's outputs: 2^b equal bins over [minimum, maximum], each read as its centre.</summary>
    Adc,
}

/// <summary>
/// Behavioural DAC and ADC quantisers of b bits over a range of values, as sub-circuits with ports <c>in out</c>
/// (signal volts) and as plain functions for the digital side.
/// <list type="bullet">
/// <item>DAC: out = min + round((x - min) / lsb) lsb with lsb = (max - min) / (2^b - 1), x clamped to the range:
///   the converter reproduces a b-bit code exactly, the ends included. Error within lsb/2 inside the range.</item>
/// <item>ADC: code = min(floor((x - min) / w), 2^b - 1) with w = (max - min) / 2^b, out = min + (code + 1/2) w, the
///   value the next (digital) stage reads. Error within w/2 inside the range.</item>
/// </list>
/// Ideal level: a wire (out = in, infinite resolution), so an ideal network with converters is still exact. Macro
/// (and device, the same behavioural quantiser: a converter's analog front end is not modelled): a B source.
/// </summary>
public sealed record DataConverter
{
    public DataConverter(ConverterKind kind, int bits, double minimum = -1, double maximum = 1)
    {
        if (bits is < 1 or > 24) throw new ArgumentException($"a converter needs 1 to 24 bits, got {bits}");
        if (!(maximum > minimum)) throw new ArgumentException($"a converter's range needs minimum < maximum, got [{minimum}, {maximum}]");
        Kind = kind;
        Bits = bits;
        Minimum = minimum;
        Maximum = maximum;
    }

    public ConverterKind Kind { get; }
    public int Bits { get; }
    public double Minimum { get; }
    public double Maximum { get; }

    public int Levels => 1 << Bits;

    /// <summary>The spacing of the output values: lsb (DAC) or bin width w (ADC).</summary>
    public double Step => (Maximum - Minimum) / (Kind == ConverterKind.Dac ? Levels - 1 : Levels);

    /// <summary>The largest error inside the range: half a step.</summary>
    public double MaxError => Step / 2;

    /// <summary>The code 0 .. 2^b - 1 of a value (clamped to the range).</summary>
    public int Code(double value)
    {
        var x = Math.Clamp(value, Minimum, Maximum);
        return Kind == ConverterKind.Dac
            ? (int)Math.Floor((x - Minimum) / Step + 0.5)
            : Math.Min((int)Math.Floor((x - Minimum) / Step), Levels - 1);
    }

    /// <summary>The value a code stands for.</summary>
    public double ValueOf(int code) => Kind == ConverterKind.Dac ? Minimum + code * Step : Minimum + (code + 0.5) * Step;

    /// <summary>The converted value: what the block's output reads (in values).</summary>
    public double Quantize(double value) => ValueOf(Code(value));

    /// <summary>The sub-circuit, ports <c>in out</c>.</summary>
    public SubcircuitText ToSubcircuit(string name, FidelityLevel level, SignalScale scale)
    {
        var kind = Kind.ToString().ToLowerInvariant();
        if (level == FidelityLevel.Ideal)
            return new SubcircuitText(name, new[] { "in", "out" }, $"ideal {kind}: out = in (infinite resolution)").Add("ebuf out 0 in 0 1");
        return new SubcircuitText(name, new[] { "in", "out" },
                $"behavioural {Bits}-bit {kind} over [{SubcircuitText.Num(Minimum)}, {SubcircuitText.Num(Maximum)}] (values), step {SubcircuitText.Num(Step)}, Vs = {SubcircuitText.Num(scale.VoltsPerUnit)} V")
            .Add($"bq out 0 V = {VoltsExpression("v(in)", scale)}");
    }

    /// <summary>The B-source expression of the converted value in signal volts, of the input voltage <paramref name="input"/>.</summary>
    internal string VoltsExpression(string input, SignalScale scale)
    {
        string N(double x) => SubcircuitText.Num(x);
        var vs = N(scale.VoltsPerUnit);
        var x = $"min(max({input}/{vs},{N(Minimum)}),{N(Maximum)})";
        var code = Kind == ConverterKind.Dac
            ? $"floor(({x}-({N(Minimum)}))/{N(Step)}+0.5)"
            : $"min(floor(({x}-({N(Minimum)}))/{N(Step)}),{Levels - 1})";
        var value = Kind == ConverterKind.Dac ? $"({N(Minimum)}+{code}*{N(Step)})" : $"({N(Minimum)}+({code}+0.5)*{N(Step)})";
        return $"{vs}*{value}";
    }
}
