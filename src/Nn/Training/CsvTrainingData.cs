using System.Globalization;
using Hwsim.Nn.Data;

namespace Hwsim.Nn.Training;

/// <summary>
/// A training set from the columns of a CSV table, as <c>hwsim train --data</c> reads it: each row a sample, or for a
/// sequence each row a time step of one sequence. For cross-entropy the target is one column of
/// class indices 0..C-1 (PyTorch's CrossEntropyLoss with class targets), turned into one-hot rows.
/// </summary>
public static class CsvTrainingData
{
    /// <summary>The data set; a <see cref="CsvFormatException"/> naming the file, line and column for a target that does not fit.</summary>
    public static DataSet Build(CsvTable table, string source, IReadOnlyList<int> inputs, IReadOnlyList<int> targets,
        bool sequence, bool classIndices, int outputs)
    {
        if (table.Rows.Count == 0) throw new CsvFormatException("no data rows after the header", source, 1);
        var x = table.Rows.Select(r => inputs.Select(c => r[c]).ToArray()).ToArray();
        double[][] y;
        if (classIndices)
        {
            if (targets.Count != 1)
                throw new CsvFormatException($"cross-entropy takes one target column of class indices, {targets.Count} were given", source, 1);
            int column = targets[0];
            y = table.Rows.Select((r, i) =>
            {
                double v = r[column];
                if (v != Math.Floor(v) || v < 0 || v >= outputs)
                    throw new CsvFormatException($"target {v.ToString(CultureInfo.InvariantCulture)} in column '{table.Header[column]}' is not a class index 0..{outputs - 1}",
                        source, table.LineOf(i), column + 1);
                var row = new double[outputs];
                row[(int)v] = 1;
                return row;
            }).ToArray();
        }
        else
        {
            if (targets.Count != outputs)
                throw new CsvFormatException($"{targets.Count} target column(s), but the model has {outputs} output(s)", source, 1);
            y = table.Rows.Select(r => targets.Select(c => r[c]).ToArray()).ToArray();
        }
        return sequence
            ? new DataSet(Batch.FromSequence(x), Batch.FromSequence(y))
            : new DataSet(Batch.FromRows(x), Batch.FromRows(y));
    }
}
