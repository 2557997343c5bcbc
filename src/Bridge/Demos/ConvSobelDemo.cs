namespace Hwsim.Bridge.Demos;

/// <summary>The <c>conv-sobel</c> demo on the bridge side: a fixed Sobel filter as crossbar dot products over 3x3 patches of 8x8 images.</summary>
public static class ConvSobelDemo
{
    public static BridgeDemo Definition { get; } = new("conv-sobel", DemoView.Images, MaxPoints: 24, ImageHeight: 8, ImageWidth: 8);
}
