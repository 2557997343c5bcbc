using System.Text.Json.Nodes;
using Hwsim.Nn.Layers;

namespace Hwsim.Nn.Models;

/// <summary>
/// A named network as stored in a model file: layers run in order, plus any extra top-level fields of the file
/// (metrics, training settings) kept as JSON.
/// </summary>
public sealed class NetworkModel
{
    /// <summary>Wraps a network.</summary>
    public NetworkModel(string name, Sequential network, JsonObject? extras = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Network = network;
        Extras = extras ?? new JsonObject();
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>The layers.</summary>
    public Sequential Network { get; }

    /// <summary>Extra top-level fields of the file (everything but format, name, layers, state_dict).</summary>
    public JsonObject Extras { get; }

    /// <summary>True when the model has an LSTM: its input is a sequence, one row per time step.</summary>
    public bool IsSequenceModel => Network.IsRecurrent;

    /// <summary>The number of input features, when the first layers fix it (a Conv2d without a fixed size does not).</summary>
    public int? InputFeatures
    {
        get
        {
            foreach (var layer in Network.Layers)
                switch (layer)
                {
                    case Linear l: return l.InFeatures;
                    case Lstm l: return l.InputSize;
                    case Conv2d c when c.InputHeight is int h && c.InputWidth is int w: return c.InChannels * h * w;
                    case Conv2d: return null;
                }
            return null;
        }
    }

    /// <summary>Output features for the given input features (throws <see cref="ArgumentException"/> when they do not fit).</summary>
    public int OutputFeatures(int inputFeatures) => Network.OutputFeatures(inputFeatures);

    /// <summary>Runs the model keeping every layer's input and output and every LSTM gate.</summary>
    public SequentialPass Trace(Batch input) => Network.Trace(input);

    /// <summary>Runs the model.</summary>
    public Batch Predict(Batch input) => Network.Predict(input);

    /// <summary>
    /// Runs rows as the command line does: for a sequence model the rows are the time steps of one sequence,
    /// otherwise each row is one sample. Returns one output row per input row.
    /// </summary>
    public double[][] Infer(IReadOnlyList<double[]> rows) => Predict(InputBatch(rows)).ToRows();

    /// <summary>
    /// Rows as the model takes them: the time steps of one sequence for a sequence model, else one sample per row.
    /// Pass the result to <see cref="Trace"/> to see every layer and gate.
    /// </summary>
    public Batch InputBatch(IReadOnlyList<double[]> rows) => IsSequenceModel ? Batch.FromSequence(rows) : Batch.FromRows(rows);
}
