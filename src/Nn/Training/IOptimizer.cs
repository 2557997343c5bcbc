namespace Hwsim.Nn.Training;

/// <summary>An optimiser over a fixed list of parameters, like torch.optim: <see cref="Step"/> reads each Grad and updates each Value.</summary>
public interface IOptimizer
{
    /// <summary>A short name (<c>sgd</c>, <c>adam</c>, ...).</summary>
    string Name { get; }

    /// <summary>The learning rate.</summary>
    double LearningRate { get; }

    /// <summary>Applies one update from the current gradients.</summary>
    void Step();
}
