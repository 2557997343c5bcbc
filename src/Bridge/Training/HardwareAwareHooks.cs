using Hwsim.Bridge.Mapping;
using Hwsim.Nn.Hooks;

namespace Hwsim.Bridge.Training;

/// <summary>
/// The training hooks that put a mapping profile's macro-level non-idealities into the forward pass (aihwkit's
/// hardware-aware training): weights quantised to the conductance levels and clipped to the window
/// (<see cref="ConductanceQuantisation"/>, straight-through), programming variation and read noise drawn afresh per
/// mini-batch (<see cref="ConductanceVariation"/>), and every affine output (a crossbar's TIA output) and the LSTM cell state
/// clipped at the amplifier rails in signal units. Not modelled: wire resistance, input DAC bits, the op-amps' finite
/// gain, and the device level's activation transfer curves.
/// </summary>
public static class HardwareAwareHooks
{
    /// <summary>The noise draws averaged for a validation loss when the profile has variation.</summary>
    public const int ValidationDraws = 4;

    /// <summary>The hooks of <paramref name="profile"/>; the variation and read-noise draws are seeded by <paramref name="noiseSeed"/>.</summary>
    public static TrainingHooks For(MappingProfile profile, ulong noiseSeed)
    {
        profile.Validate();
        bool varies = ConductanceVariation.Draws(profile);
        var rails = new ClipRange(profile.OpAmp.NegativeRail / profile.SignalVoltsPerUnit, profile.OpAmp.PositiveRail / profile.SignalVoltsPerUnit);
        return new TrainingHooks
        {
            Weights = new ConductanceQuantisation(profile),
            Noise = varies ? new ConductanceVariation(profile) : null,
            Forward = new ForwardHooks { AffineClip = rails, CellStateClip = rails },
            NoiseSeed = noiseSeed,
            ValidationDraws = varies ? ValidationDraws : 1,
        };
    }
}
