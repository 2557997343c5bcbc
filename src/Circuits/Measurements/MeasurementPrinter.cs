using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Measurements;

/// <summary>Prints the measurements of one analysis as ngspice does: the header, a line each; why a failed one failed on the error stream.</summary>
public static class MeasurementPrinter
{
    public static void Write(AnalysisResult result, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (result.Measurements.Count == 0) return;
        foreach (var m in result.Measurements.Where(m => m.Error is not null)) error.Write(m.Error);
        output.WriteLine();
        output.WriteLine(MeasurementRunner.Header(result.Kind));
        output.WriteLine();
        foreach (var m in result.Measurements.Where(m => m.Line.Length > 0)) output.WriteLine(m.Line);
        output.WriteLine();
    }
}
