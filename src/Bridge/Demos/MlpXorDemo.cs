namespace Hwsim.Bridge.Demos;

/// <summary>The <c>mlp-xor</c> demo on the bridge side.</summary>
public static class MlpXorDemo
{
    public static BridgeDemo Definition { get; } = new("mlp-xor", DemoView.Samples);
}
