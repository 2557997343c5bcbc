namespace Hwsim.Circuits.Measurements;

/// <summary>What a <c>.meas</c> line measures (ngspice's <c>ANALYSIS_TYPE_T</c>, the functions ngspice 39 implements).</summary>
public enum MeasureFunction
{
    /// <summary><c>TRIG ... TARG ...</c>: the scale distance from the trigger event to the target event.</summary>
    TrigTarg,

    /// <summary><c>FIND v AT=x</c> or <c>FIND v WHEN ...</c>: a value at a point or at an event.</summary>
    Find,

    /// <summary><c>WHEN v=val</c>: the scale value of an event.</summary>
    When,

    /// <summary><c>AVG v</c>: the trapezoidal mean over the window.</summary>
    Avg,

    /// <summary><c>MIN v</c>: the smallest value and where.</summary>
    Min,

    /// <summary><c>MAX v</c>: the largest value and where.</summary>
    Max,

    /// <summary><c>MIN_AT v</c>: where the smallest value is.</summary>
    MinAt,

    /// <summary><c>MAX_AT v</c>: where the largest value is.</summary>
    MaxAt,

    /// <summary><c>PP v</c>: largest minus smallest value.</summary>
    PeakToPeak,

    /// <summary><c>RMS v</c>: root mean square over the window (Simpson and trapezoidal rules, as ngspice).</summary>
    Rms,

    /// <summary><c>INTEG v</c>: the integral over the window.</summary>
    Integral,

    /// <summary><c>PARAM='expr'</c>: an expression over parameters and earlier measurements.</summary>
    Param,
}
