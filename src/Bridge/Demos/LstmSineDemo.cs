namespace Hwsim.Bridge.Demos;

/// <summary>The <c>lstm-sine</c> demo on the bridge side.</summary>
public static class LstmSineDemo
{
    public static BridgeDemo Definition { get; } = new("lstm-sine", DemoView.Waveforms);
}
