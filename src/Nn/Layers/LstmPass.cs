using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>
/// An LSTM forward pass: per layer k and step t, every gate (<see cref="Steps"/>[k][t]), and the final state.
/// The output is the last layer's h at every step.
/// </summary>
public sealed class LstmPass : LayerPass
{
    /// <summary>Records an LSTM pass.</summary>
    public LstmPass(Lstm layer, Batch input, Batch output, IReadOnlyList<IReadOnlyList<LstmStep>> steps, LstmState initial, LstmState final,
        ForwardHooks? hooks = null)
        : base(layer, input, output, hooks)
    {
        Steps = steps;
        InitialState = initial;
        FinalState = final;
    }

    /// <summary><c>Steps[k][t]</c>: layer k at time step t.</summary>
    public IReadOnlyList<IReadOnlyList<LstmStep>> Steps { get; }

    /// <summary>The (h0, c0) the pass started from.</summary>
    public LstmState InitialState { get; }

    /// <summary>(h_n, c_n) after the last step.</summary>
    public LstmState FinalState { get; }

    /// <summary>dLoss/d(h0, c0), set by <see cref="Lstm.Backward"/>.</summary>
    public LstmState? InitialStateGradient { get; internal set; }
}
