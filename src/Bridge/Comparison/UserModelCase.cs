using System.Text.Json.Nodes;
using Hwsim.Nn.Data;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Comparison;

/// <summary>
/// A user's model file (hwsim-model/1 JSON or ONNX) as a comparison case. Its inputs come from an input CSV (the format
/// of <c>hwsim infer</c>, optionally with the columns to use),
/// else from the extra fields <c>test_inputs</c> / <c>test_targets</c> of the model file (rows of numbers), else they
/// are generated (seeded uniform values in [-1, 1]), with a note saying so. The task metric is the extra field
/// <c>metric</c> ("accuracy" or "rmse") when targets are known, else none.
/// </summary>
public static class UserModelCase
{
    public static ComparisonCase Load(string modelPath, string? inputsPath = null, int generatedRows = 16, string? columns = null)
    {
        var model = ModelLoader.Load(modelPath);
        var notes = new List<string>();
        IReadOnlyList<double[]>? inputs = null;
        IReadOnlyList<double[]>? targets = null;
        if (inputsPath is not null)
        {
            var table = CsvTable.Read(inputsPath);
            if (columns is not null) table = ColumnSelection.Select(table, ColumnSelection.Parse(columns, table.Header, inputsPath, "--columns"));
            inputs = table.Rows;
        }
        else if (Rows(model.Extras["test_inputs"]) is { } fromFile)
        {
            inputs = fromFile;
            targets = Rows(model.Extras["test_targets"]);
            notes.Add("inputs from the model file's test_inputs");
        }
        var features = model.InputFeatures ?? inputs?.FirstOrDefault()?.Length
            ?? throw new ModelFormatException("the model's input size is unknown and no inputs were given", model.Name);
        if (inputs is null)
        {
            var rnd = new Random(1);
            inputs = Enumerable.Range(0, model.IsSequenceModel ? 2 * generatedRows : generatedRows)
                .Select(_ => Enumerable.Range(0, features).Select(_ => rnd.NextDouble() * 2 - 1).ToArray()).ToArray();
            notes.Add($"no inputs given: {inputs.Count} rows generated uniformly in [-1, 1] (seed 1)");
        }
        foreach (var (row, i) in inputs.Select((r, i) => (r, i)))
            if (row.Length != features)
            {
                var detail = $"input row {i + 1} has {row.Length} values, the model takes {features}";
                throw inputsPath is not null
                    ? new CsvFormatException(detail, inputsPath, i + 2)      // line 1 is the header
                    : new ModelFormatException($"test_inputs: {detail}", modelPath);
            }
        var metric = targets is null ? TaskMetric.None : (model.Extras["metric"]?.GetValue<string>()?.ToLowerInvariant()) switch
        {
            "accuracy" => TaskMetric.Accuracy,
            "rmse" => TaskMetric.Rmse,
            _ => TaskMetric.None,
        };
        return new ComparisonCase(model.Name, model, inputs, targets, metric, 0, notes);
    }

    private static IReadOnlyList<double[]>? Rows(JsonNode? node)
    {
        if (node is not JsonArray array) return null;
        return array.Select(r => r is JsonArray a ? a.Select(v => v!.GetValue<double>()).ToArray() : new[] { r!.GetValue<double>() }).ToArray();
    }
}
