using System.CommandLine;
using Hwsim.Nn.Data;
using Hwsim.Nn.Models;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim infer MODEL.json|MODEL.onnx INPUT.csv [--columns COLS] [--out OUT.csv]</c>: runs a model file on a CSV
/// (header row, then one row per sample, or per time step of one sequence for a model with an LSTM; one column per
/// input feature, or the columns named by --columns) and writes one output row per input row (header y0, y1, ...),
/// to OUT.csv or standard output.
/// </summary>
public static class InferCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "model file: hwsim-model/1 JSON, or ONNX (.onnx)" };
        var input = new Argument<FileInfo>("INPUT") { Description = "input CSV: a header row, then one row per sample (or per time step for LSTM models)" };
        var columns = new Option<string?>("--columns") { Description = "the input columns, by name or 0-based index (x1,x2 or 1-64); default: all" };
        var outOpt = new Option<FileInfo?>("--out") { Description = "write the outputs to this CSV (default: standard output)" };
        var cmd = new Command("infer", "Run a model file on the rows of a CSV file.") { model, input, columns, outOpt };
        cmd.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(input)!, parse.GetValue(columns), parse.GetValue(outOpt), stdout, stderr));
        return cmd;
    }

    private static int Run(FileInfo modelFile, FileInfo inputFile, string? columns, FileInfo? outFile, TextWriter stdout, TextWriter stderr)
    {
        using var publication = new Publication();
        var staged = outFile is null ? null : publication.File("--out", outFile.FullName);
        InputPaths.CheckFile(modelFile, "a model file");
        InputPaths.CheckFile(inputFile, "an input CSV file");
        var model = ModelLoader.Load(modelFile.FullName);
        var table = CsvTable.Read(inputFile.FullName);
        if (columns is not null) table = ColumnSelection.Select(table, ColumnSelection.Parse(columns, table.Header, inputFile.FullName, "--columns"));
        if (table.Rows.Count == 0) throw new UsageException($"{inputFile.FullName}: no data rows after the header");
        int features = table.Header.Count;
        if (model.InputFeatures is int expected && expected != features)
            throw new UsageException($"{inputFile.FullName}: {features} column(s), but model '{model.Name}' takes {expected} input feature(s)");
        int outputs;
        try
        {
            outputs = model.OutputFeatures(features);
        }
        catch (ArgumentException ex)
        {
            // The model's own check of the input width: a mismatch of these two files, not a bug.
            throw new UsageException($"{inputFile.FullName}: {ex.Message}");
        }
        var rows = model.Infer(table.Rows);
        var result = new CsvTable(Enumerable.Range(0, outputs).Select(i => $"y{i}").ToArray(), rows);
        if (outFile is null) stdout.Write(result.ToCsv());
        else
        {
            result.Write(staged!);
            publication.Commit();
        }
        return ExitCodes.Success;
    }
}
