namespace Hwsim.Bridge.Demos;

/// <summary>The <c>mlp-shapes</c> demo on the bridge side: 8x8 images of bars, edges, corners and shapes, 64-16-4.</summary>
public static class MlpShapesDemo
{
    public static BridgeDemo Definition { get; } = new("mlp-shapes", DemoView.Images, ImageHeight: 8, ImageWidth: 8);
}
