namespace Hwsim.Circuits.Reference;

/// <summary>The analysis that produced a plot, recognised from the rawfile's <c>Plotname:</c> line.</summary>
public enum AnalysisKind
{
    /// <summary>A plot whose name is not one of the four below (noise, pole-zero, ...).</summary>
    Other,

    /// <summary><c>.op</c>, plot name <c>Operating Point</c>: one point, no scale vector.</summary>
    OperatingPoint,

    /// <summary><c>.dc</c>, plot name <c>DC transfer characteristic</c>: scale is the first (inner) sweep.</summary>
    DcSweep,

    /// <summary><c>.ac</c>, plot name <c>AC Analysis</c>: complex data, scale <c>frequency</c>.</summary>
    Ac,

    /// <summary><c>.tran</c>, plot name <c>Transient Analysis</c>: scale <c>time</c>.</summary>
    Transient,
}
