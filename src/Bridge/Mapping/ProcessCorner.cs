using Hwsim.Circuits.Devices;

namespace Hwsim.Bridge.Mapping;

/// <summary>A process corner: the amplifiers (and, at the device level, the transistors) made slow, typical or fast.</summary>
public enum ProcessCorner
{
    /// <summary>Lower gain and bandwidth, weaker output stage.</summary>
    Slow,
    /// <summary>The nominal parameters of the profile.</summary>
    Typical,
    /// <summary>Higher gain and bandwidth, stronger output stage.</summary>
    Fast,
}

/// <summary>
/// The parameter sets of the corners. These are hwsim's own round figures, not a foundry's: a slow corner halves the
/// op-amp's open-loop gain (-6 dB), takes 30 % off its gain-bandwidth and adds 50 % to its output resistance; a fast
/// corner raises the gain by 3 dB (x1.41), the gain-bandwidth by 30 % and takes 30 % off the output resistance. The
/// rails are the supplies' and do not move.
/// </summary>
public static class ProcessCorners
{
    /// <summary>The names as the command line writes them: <c>slow</c>, <c>typical</c>, <c>fast</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "slow", "typical", "fast" };

    public static string Name(this ProcessCorner corner) => corner.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out ProcessCorner corner) =>
        Enum.TryParse(text, ignoreCase: true, out corner) && Enum.IsDefined(corner) && !text.Any(char.IsDigit);

    /// <summary>Scale factors of (open-loop gain, gain-bandwidth, output resistance) at a corner.</summary>
    public static (double Gain, double GainBandwidth, double OutputResistance) AmplifierFactors(ProcessCorner corner) => corner switch
    {
        ProcessCorner.Slow => (0.5, 0.7, 1.5),
        ProcessCorner.Fast => (Math.Sqrt(2), 1.3, 0.7),
        _ => (1, 1, 1),
    };

    /// <summary>The op-amp <paramref name="typical"/> at <paramref name="corner"/>.</summary>
    public static OpAmpModel Amplifier(OpAmpModel typical, ProcessCorner corner)
    {
        if (corner == ProcessCorner.Typical) return typical;
        var (gain, gbw, rout) = AmplifierFactors(corner);
        return typical with
        {
            Gain = typical.Gain * gain,
            GainBandwidth = typical.GainBandwidth * gbw,
            OutputResistance = typical.OutputResistance * rout,
        };
    }
}
