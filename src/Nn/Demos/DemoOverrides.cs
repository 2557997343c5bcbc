using Hwsim.Nn.Hooks;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// Command-line changes to a demo's training; any set value makes the result differ from the stored model.
/// <see cref="Hooks"/> trains hardware-aware (see <see cref="TrainingHooks"/>); <see cref="Initial"/> starts from that
/// network's parameters (same names and shapes as the demo's) instead of the seeded initialisation: a fine-tune.
/// </summary>
public sealed record DemoOverrides(int? Epochs = null, OptimizerKind? Optimizer = null, double? LearningRate = null, TrainingHooks? Hooks = null,
    Sequential? Initial = null);
