namespace Hwsim.Bridge.Demos;

/// <summary>The <c>lstm-airline</c> demo on the bridge side.</summary>
public static class LstmAirlineDemo
{
    public static BridgeDemo Definition { get; } = new("lstm-airline", DemoView.Waveforms);
}
