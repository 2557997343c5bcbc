namespace Hwsim.Circuits.Results;

/// <summary>The analyses of the engine, named as their netlist cards.</summary>
public enum AnalysisKind
{
    OperatingPoint,
    DcSweep,
    Ac,
    Transient,
}

public static class AnalysisKindNames
{
    /// <summary>The short name used in file names and tables: op, dc, ac, tran.</summary>
    public static string ShortName(this AnalysisKind kind) => kind switch
    {
        AnalysisKind.OperatingPoint => "op",
        AnalysisKind.DcSweep => "dc",
        AnalysisKind.Ac => "ac",
        _ => "tran",
    };
}
