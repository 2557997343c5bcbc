using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Measurements;

/// <summary>A <c>.meas</c> / <c>.measure</c> line as read from a netlist.</summary>
/// <param name="Name">The result's name, lower case.</param>
/// <param name="Analysis">The analysis it measures: transient, AC or DC sweep.</param>
/// <param name="Function">What it measures.</param>
/// <param name="FunctionWord">The function as written, lower case (ngspice names it so in its messages).</param>
/// <param name="Main">TRIG, the FIND vector, WHEN, or the vector of AVG/MIN/MAX/PP/RMS/INTEG.</param>
/// <param name="Second">TARG, or the WHEN of FIND ... WHEN; null otherwise.</param>
/// <param name="Expression">The expression of PARAM; null otherwise.</param>
/// <param name="Text">The line, lower case, as ngspice quotes it when the measurement fails.</param>
public sealed record MeasureStatement(
    string Name,
    AnalysisKind Analysis,
    MeasureFunction Function,
    string FunctionWord,
    MeasureCondition Main,
    MeasureCondition? Second,
    string? Expression,
    string Text)
{
    /// <summary>Every vector the measurement reads.</summary>
    public IEnumerable<OutputVector> Vectors => Main.Vectors.Concat(Second?.Vectors ?? []);

    /// <summary>The analysis word of the line: tran, ac or dc.</summary>
    public string AnalysisWord => Analysis switch
    {
        AnalysisKind.Ac => "ac",
        AnalysisKind.DcSweep => "dc",
        _ => "tran",
    };
}
