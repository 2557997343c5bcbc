namespace Hwsim.Bridge.Demos;

/// <summary>How a demo's results are best shown besides the common plots.</summary>
public enum DemoView
{
    /// <summary>Circuit against software per sample (single neurons, XOR).</summary>
    Samples,
    /// <summary>Waveforms over time: outputs, gates and states (the LSTMs).</summary>
    Waveforms,
    /// <summary>Input and output image panels (the image filter and the shape classifier).</summary>
    Images,
}
