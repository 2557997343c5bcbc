namespace Hwsim.Bridge.Compiler;

/// <summary>What a signal of the compiled network holds.</summary>
public enum SignalKind
{
    /// <summary>A layer's pre-activation (crossbar + TIA output): z = W x + b.</summary>
    PreActivation,
    /// <summary>An activation layer's output.</summary>
    Activation,
    /// <summary>An LSTM gate activation (i, f, g or o).</summary>
    Gate,
    /// <summary>An LSTM gate pre-activation.</summary>
    GatePreActivation,
    /// <summary>An LSTM cell state c.</summary>
    CellState,
    /// <summary>An LSTM hidden state h.</summary>
    HiddenState,
}

/// <summary>
/// One named signal of a compiled network: the node that holds it (its voltage is value * signal scale), the layer it
/// belongs to, and its place in that layer's output. Names read like <c>fc[3]</c>, <c>lstm.l0.f[2]</c>, <c>lstm.l0.c[2]</c>.
/// </summary>
public sealed record Signal(string Name, string Node, string Layer, SignalKind Kind, int Index, int Sublayer = 0);
