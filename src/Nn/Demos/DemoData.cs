using Hwsim.Nn.Training;

namespace Hwsim.Nn.Demos;

/// <summary>
/// A demo's data: training set, optional validation set, and test set. For sequence demos the test set is one
/// sequence (N = 1) and the metric counts steps from <see cref="EvaluateFromStep"/> on (earlier steps warm the
/// state up, e.g. the training months before the airline test months).
/// </summary>
public sealed record DemoData(DataSet Train, DataSet Test, DataSet? Validation = null, int EvaluateFromStep = 0)
{
    /// <summary>The test inputs as rows: one per sample (feed-forward) or one per time step (sequence).</summary>
    public double[][] TestInputRows => Test.Inputs.ToRows();

    /// <summary>The test targets as rows, aligned with <see cref="TestInputRows"/>.</summary>
    public double[][] TestTargetRows => Test.Targets.ToRows();
}
