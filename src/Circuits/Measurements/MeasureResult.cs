namespace Hwsim.Circuits.Measurements;

/// <summary>The outcome of one measurement.</summary>
/// <param name="Name">The measurement's name.</param>
/// <param name="Value">The value; null when the measurement failed.</param>
/// <param name="Line">The result line as ngspice prints it (<c>tdelay              =  6.930658e-07 targ= ...</c>); empty when it failed.</param>
/// <param name="Error">Why it failed, as ngspice says it (two lines: the reason and the quoted card); null when it succeeded.</param>
public sealed record MeasureResult(string Name, double? Value, string Line, string? Error)
{
    /// <summary>True when the measurement produced a value.</summary>
    public bool Succeeded => Value is not null;
}
