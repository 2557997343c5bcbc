using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Demos;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Demos;

/// <summary>A demo network on the bridge side: its Nn definition and the bridge's settings for it (one row of <see cref="BridgeDemos"/>).</summary>
public sealed record BridgeDemo(DemoDefinition Definition, BridgeSettings Settings)
{
    /// <summary>The demo's name (also its model file's name, <c>NAME.json</c>).</summary>
    public string Name => Definition.Name;

    /// <summary>One sentence on what the demo shows.</summary>
    public string Description => Definition.Description;

    /// <summary>How the results are shown.</summary>
    public DemoView View => Settings.View;

    /// <summary>The task metric of the comparison: the bridge's choice, else the demo's own.</summary>
    public TaskMetric Metric => Settings.Metric ?? Definition.Metric switch
    {
        DemoMetricKind.Accuracy => TaskMetric.Accuracy,
        DemoMetricKind.Rmse => TaskMetric.Rmse,
        _ => TaskMetric.None,
    };

    /// <summary>The comparison case of the stored model <c>NAME.json</c> in <paramref name="modelsDirectory"/>.</summary>
    public ComparisonCase ToCase(string modelsDirectory) => ToCase(ModelFile.Load(Path.Combine(modelsDirectory, Name + ".json")));

    /// <summary>
    /// The comparison case of <paramref name="model"/> on the demo's test inputs, targets and metric; a
    /// <see cref="ModelFormatException"/> when the model does not take the demo's rows or give its outputs.
    /// </summary>
    public ComparisonCase ToCase(NetworkModel model)
    {
        var data = Definition.Data();
        int inputs = data.TestInputRows[0].Length, outputs = data.TestTargetRows[0].Length;
        if (model.IsSequenceModel != Definition.Architecture().IsRecurrent)
            throw new ModelFormatException(model.IsSequenceModel
                ? $"model '{model.Name}' has an LSTM, demo {Name}'s network has none"
                : $"model '{model.Name}' has no LSTM, demo {Name}'s network is a sequence model", item: model.Name);
        try
        {
            if (model.OutputFeatures(inputs) != outputs)
                throw new ModelFormatException($"model '{model.Name}' gives {model.OutputFeatures(inputs)} output(s); demo {Name}'s targets have {outputs}", item: model.Name);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"model '{model.Name}' does not take demo {Name}'s {inputs} input(s): {ex.Message}", item: model.Name, inner: ex);
        }
        return new ComparisonCase(Name, model, data.TestInputRows, data.TestTargetRows, Metric, data.EvaluateFromStep)
        {
            DeviceProfile = Settings.DeviceProfile,
            DeviceInMainJob = Settings.DeviceInMainJob,
            DevicePoints = Settings.DevicePoints,
        };
    }
}
