namespace Hwsim.Nn.Demos;

/// <summary>The task metric of a demo.</summary>
public enum DemoMetricKind
{
    /// <summary>No task metric (a fixed transform such as the Sobel filter).</summary>
    None,

    /// <summary>Fraction of test samples classified right (higher is better).</summary>
    Accuracy,

    /// <summary>Root mean square error on the test set (lower is better).</summary>
    Rmse,
}
