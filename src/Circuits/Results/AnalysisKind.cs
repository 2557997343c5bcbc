namespace Hwsim.Circuits.Results;

/// <summary>The analyses of the engine, named as their netlist cards (a <c>.noise</c> card gives two results).</summary>
public enum AnalysisKind
{
    OperatingPoint,
    DcSweep,
    Ac,
    Transient,

    /// <summary>The spectral densities of a <c>.noise</c> analysis: scale <c>frequency</c>, <c>onoise_spectrum</c>, <c>inoise_spectrum</c>.</summary>
    Noise,

    /// <summary>The integrated noise of a <c>.noise</c> analysis: one point, <c>onoise_total</c>, <c>inoise_total</c>.</summary>
    NoiseIntegrated,

    /// <summary>A <c>.sens</c> analysis: one vector per device parameter (DC: one real value; AC: complex, scale <c>frequency</c>).</summary>
    Sensitivity,

    /// <summary>A <c>.pz</c> analysis: <c>pole(1)</c> ... and <c>zero(1)</c> ..., complex, one value each.</summary>
    PoleZero,

    /// <summary>A <c>.tf</c> analysis: <c>Transfer_function</c> and the input and output impedances, one value each.</summary>
    TransferFunction,
}

public static class AnalysisKindNames
{
    /// <summary>The short name used in file names and tables: op, dc, ac, tran, noise, noisetotal, sens, pz, tf.</summary>
    public static string ShortName(this AnalysisKind kind) => kind switch
    {
        AnalysisKind.OperatingPoint => "op",
        AnalysisKind.DcSweep => "dc",
        AnalysisKind.Ac => "ac",
        AnalysisKind.Noise => "noise",
        AnalysisKind.NoiseIntegrated => "noisetotal",
        AnalysisKind.Sensitivity => "sens",
        AnalysisKind.PoleZero => "pz",
        AnalysisKind.TransferFunction => "tf",
        _ => "tran",
    };
}
