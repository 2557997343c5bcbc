using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Measurements;

/// <summary>
/// One clause of a <c>.meas</c> line (TRIG, TARG, WHEN, the vector of FIND or AVG, ...): ngspice's <c>struct measure</c>,
/// with its sentinels (1e99 for "not given", -1 for no RISE/FALL/CROSS, <see cref="Last"/> for LAST).
/// </summary>
public sealed class MeasureCondition
{
    /// <summary>RISE/FALL/CROSS=LAST.</summary>
    public const int Last = -2;

    /// <summary>"Not given" for VAL and AT.</summary>
    public const double NotGiven = 1e99;

    /// <summary>The vector the clause reads (null for <c>TRIG AT=t</c>).</summary>
    public OutputVector? Vector { get; set; }

    /// <summary>The right-hand side of <c>WHEN v1=v2</c>, null when it is a value.</summary>
    public OutputVector? Vector2 { get; set; }

    /// <summary>VAL, or the value of <c>WHEN v=val</c>.</summary>
    public double Value { get; set; } = NotGiven;

    public int Rise { get; set; } = -1;

    public int Fall { get; set; } = -1;

    public int Cross { get; set; } = -1;

    /// <summary>TD: events before this scale value are ignored (transient).</summary>
    public double Delay { get; set; }

    /// <summary>FROM; 0 means none, except in DC where the window is open (-1e99 .. 1e99) by default.</summary>
    public double From { get; set; }

    /// <summary>TO; 0 means none (see <see cref="From"/>).</summary>
    public double To { get; set; }

    /// <summary>AT.</summary>
    public double At { get; set; } = NotGiven;

    /// <summary>True when RISE, FALL, CROSS or AT was given.</summary>
    public bool HasEvent => Rise != -1 || Fall != -1 || Cross != -1 || At != NotGiven;

    /// <summary>The vectors the clause reads.</summary>
    public IEnumerable<OutputVector> Vectors =>
        new[] { Vector, Vector2 }.Where(v => v is not null).Select(v => v!);

    /// <summary>A copy (a measurement changes its clause's window while it runs, as ngspice's does).</summary>
    public MeasureCondition Clone() => (MeasureCondition)MemberwiseClone();
}
