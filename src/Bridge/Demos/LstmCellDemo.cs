namespace Hwsim.Bridge.Demos;

/// <summary>
/// The <c>lstm-cell</c> demo on the bridge side: one LSTM cell (input 2, hidden 2) with every gate exposed. It is a
/// showcase of the cell, compared signal by signal like the single neurons (no task metric): its software RMSE on the
/// memory task is so small (0.015) that 8-bit weight quantisation of its large input weights (up to 8) alone moves it
/// by about 12 %, which says more about the task than about the circuit.
/// </summary>
public static class LstmCellDemo
{
    public static BridgeDemo Definition { get; } = new("lstm-cell", DemoView.Waveforms) { MetricOverride = Comparison.TaskMetric.None };
}
