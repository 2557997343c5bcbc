using Hwsim.Circuits.Blocks;
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
/// rails are the supplies' and do not move. At the device level the transistors and diodes move too
/// (<see cref="TransistorCards"/>): slow NPNs have beta 100 and half the saturation current, fast ones beta 200 and
/// twice it; slow MOSFETs have |vto| 0.1 V higher and 20 % less kp, fast ones 0.1 V lower and 20 % more; the signal
/// diode's saturation current halves (slow) or doubles (fast).
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

    /// <summary>
    /// The device level's semiconductor models at <paramref name="corner"/>: each typical <c>.model</c> card of
    /// <see cref="DeviceModels"/> with the card that replaces it (none at the typical corner).
    /// </summary>
    public static IReadOnlyList<(string Typical, string AtCorner)> TransistorCards(ProcessCorner corner) => corner switch
    {
        ProcessCorner.Slow => new[]
        {
            (DeviceModels.Npn, ".model qnpn NPN(is=5e-17 bf=100 vaf=100 rb=50 re=1 rc=10)"),
            (DeviceModels.Diode, ".model dsig D(is=1.25n n=1.75 rs=0.6 cjo=4p)"),
            (DeviceModels.Nmos, ".model nsw NMOS(level=1 vto=0.8 kp=80u gamma=0.4 phi=0.7 lambda=0.02 tox=20n cgso=0.2n cgdo=0.2n cj=0.3m cjsw=0.3n)"),
            (DeviceModels.Pmos, ".model psw PMOS(level=1 vto=-0.8 kp=32u gamma=0.5 phi=0.7 lambda=0.02 tox=20n cgso=0.2n cgdo=0.2n cj=0.3m cjsw=0.3n)"),
        },
        ProcessCorner.Fast => new[]
        {
            (DeviceModels.Npn, ".model qnpn NPN(is=2e-16 bf=200 vaf=100 rb=50 re=1 rc=10)"),
            (DeviceModels.Diode, ".model dsig D(is=5n n=1.75 rs=0.6 cjo=4p)"),
            (DeviceModels.Nmos, ".model nsw NMOS(level=1 vto=0.6 kp=120u gamma=0.4 phi=0.7 lambda=0.02 tox=20n cgso=0.2n cgdo=0.2n cj=0.3m cjsw=0.3n)"),
            (DeviceModels.Pmos, ".model psw PMOS(level=1 vto=-0.6 kp=48u gamma=0.5 phi=0.7 lambda=0.02 tox=20n cgso=0.2n cgdo=0.2n cj=0.3m cjsw=0.3n)"),
        },
        _ => Array.Empty<(string, string)>(),
    };

    /// <summary>A device-level netlist with its semiconductor models at <paramref name="corner"/> (<see cref="TransistorCards"/>).</summary>
    public static string WithTransistorsAt(string netlist, ProcessCorner corner)
    {
        foreach (var (typical, atCorner) in TransistorCards(corner)) netlist = netlist.Replace(typical, atCorner, StringComparison.Ordinal);
        return netlist;
    }

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
