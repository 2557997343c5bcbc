using System.Globalization;

namespace Hwsim.Circuits.Control.Script;

/// <summary>
/// The value of a control-language variable (<c>set</c>): a flag, a whole number, a real, a string or a list, written
/// back into a command line as ngspice's <c>cp_varwl</c> writes it (reals as C's <c>%G</c>).
/// </summary>
public abstract record ControlValue
{
    /// <summary>The words the value expands to.</summary>
    public abstract IEnumerable<string> Words();

    /// <summary>The value as a number when it is one (flags are 1).</summary>
    public virtual double? Number => null;
}

public sealed record FlagValue : ControlValue
{
    public override IEnumerable<string> Words() => ["TRUE"];
    public override double? Number => 1;
}

public sealed record IntegerValue(int Value) : ControlValue
{
    public override IEnumerable<string> Words() => [Value.ToString(CultureInfo.InvariantCulture)];
    public override double? Number => Value;
}

public sealed record RealValue(double Value) : ControlValue
{
    public override IEnumerable<string> Words() => [CFormat.G(Value)];
    public override double? Number => Value;
}

public sealed record StringValue(string Value) : ControlValue
{
    public override IEnumerable<string> Words() => [Value];

    public override double? Number => Vectors.ControlNumber.TryParse(Value, out var v) ? v : null;
}

public sealed record ListValue(IReadOnlyList<ControlValue> Items) : ControlValue
{
    public override IEnumerable<string> Words() => Items.SelectMany(i => i.Words());
}
