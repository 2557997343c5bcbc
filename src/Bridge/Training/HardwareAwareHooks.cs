using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Hooks;

namespace Hwsim.Bridge.Training;

/// <summary>
/// The training hooks that put a mapping profile's macro-level non-idealities into the forward pass (aihwkit's
/// hardware-aware training): weights quantised to the conductance levels and clipped to the window
/// (<see cref="ConductanceQuantisation"/>, straight-through), programming variation and read noise drawn afresh per
/// mini-batch (<see cref="ConductanceVariation"/>), and every affine output (a crossbar's TIA output) and the LSTM cell state
/// clipped at the amplifier rails in signal units. At the device level the activations are also the measured transfer
/// curves of the device blocks (<see cref="DeviceActivationCurve"/>). Not modelled: wire resistance, input DAC bits,
/// the op-amps' finite gain, the crossbars' and holds' dynamics.
/// </summary>
public static class HardwareAwareHooks
{
    /// <summary>The noise draws averaged for a validation loss when the profile has variation.</summary>
    public const int ValidationDraws = 4;

    /// <summary>
    /// The hooks of <paramref name="profile"/> at <paramref name="level"/> (macro or device); the variation and
    /// read-noise draws are seeded by <paramref name="noiseSeed"/>.
    /// </summary>
    public static TrainingHooks For(MappingProfile profile, ulong noiseSeed, FidelityLevel level = FidelityLevel.Macro)
    {
        profile.Validate();
        if (level is not (FidelityLevel.Macro or FidelityLevel.Device))
            throw new ArgumentException($"hardware-aware training models the macro or device level, not {level.Name()}", nameof(level));
        var device = level == FidelityLevel.Device;
        bool varies = ConductanceVariation.Draws(profile);
        var rails = Rails(profile, level);
        return new TrainingHooks
        {
            Weights = new ConductanceQuantisation(profile),
            Noise = varies ? new ConductanceVariation(profile) : null,
            Forward = new ForwardHooks
            {
                AffineClip = rails,
                CellStateClip = rails,
                Tanh = device ? DeviceActivationCurve.Measure(ActivationKind.Tanh, profile) : null,
                Sigmoid = device ? DeviceActivationCurve.Measure(ActivationKind.Sigmoid, profile) : null,
                Relu = device ? DeviceActivationCurve.Measure(ActivationKind.Relu, profile) : null,
            },
            NoiseSeed = noiseSeed,
            ValidationDraws = varies ? ValidationDraws : 1,
        };
    }

    /// <summary>
    /// The amplifier rails in signal units, where training clips every affine output and the cell state: the
    /// macro-level op-amp's rails, or at the device level those of the powered op-amp on the amplifier supply (the
    /// TIAs'), <see cref="SupplyRails.Headroom"/> inside it.
    /// </summary>
    public static ClipRange Rails(MappingProfile profile, FidelityLevel level)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var amp = level == FidelityLevel.Device ? profile.Supplies.Amplifier.OpAmpFor(profile.Amplifier) : profile.OpAmp;
        return new ClipRange(amp.NegativeRail / profile.SignalVoltsPerUnit, amp.PositiveRail / profile.SignalVoltsPerUnit);
    }
}
