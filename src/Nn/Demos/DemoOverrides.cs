using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>Command-line changes to a demo's training; any set value makes the result differ from the stored model.</summary>
public sealed record DemoOverrides(int? Epochs = null, OptimizerKind? Optimizer = null, double? LearningRate = null);
