namespace Hwsim.Bridge.Demos;

/// <summary>The <c>mlp-shapes</c> demo on the bridge side: 8x8 images of bars, edges, corners and shapes, 64-16-4.</summary>
public static class MlpShapesDemo
{
    /// <summary>
    /// At the device level its logits (up to 100) need 0.1 V per unit to stay inside the amplifiers' +/-10.5 V, and its
    /// hidden activations (up to 21) a read voltage of 0.03 V per unit to stay below the memristors' 0.8 V threshold.
    /// </summary>
    public static BridgeDemo Definition { get; } = new("mlp-shapes", DemoView.Images, ImageHeight: 8, ImageWidth: 8)
    {
        DeviceProfile = Mapping.MappingProfile.For(Circuits.Blocks.FidelityLevel.Device) with { SignalVoltsPerUnit = 0.1, ReadVoltage = 0.03 },
    };
}
