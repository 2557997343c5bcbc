namespace Hwsim.Bridge.Evaluation;

/// <summary>
/// The values of every signal of a network at every point: a point is a sample (feed-forward networks) or a time
/// step (sequence models). Values are in network units (volts divided by the signal scale for circuits).
/// </summary>
public sealed class SignalTrace
{
    public SignalTrace(IReadOnlyList<string> signals, IReadOnlyList<string> outputs, double[][] values, double[][] outputValues)
    {
        Signals = signals;
        OutputNames = outputs;
        Values = values;
        Outputs = outputValues;
    }

    /// <summary>Signal names, in the order of each row of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> Signals { get; }
    public IReadOnlyList<string> OutputNames { get; }
    /// <summary>[point][signal].</summary>
    public double[][] Values { get; }
    /// <summary>[point][output]: the network outputs.</summary>
    public double[][] Outputs { get; }
    public int Points => Values.Length;

    /// <summary>One signal over all points.</summary>
    public double[] Series(int signal) => Values.Select(v => v[signal]).ToArray();
}
