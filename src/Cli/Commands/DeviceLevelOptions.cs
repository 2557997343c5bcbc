using System.CommandLine;
using Hwsim.Bridge.Evaluation;
using Hwsim.Verification;

namespace Hwsim.Cli.Commands;

/// <summary>The options of the device level's clocked transient: <c>--clock-period</c>, and for compare <c>--engine</c> and <c>--no-period-sweep</c>.</summary>
internal sealed class DeviceLevelOptions
{
    private readonly Option<double?> _period = new("--clock-period")
    {
        Description = "device level: the clock period (s); default: chosen from the settling time measured at a 100 us period",
    };
    private readonly Option<string> _engine = CreateEngine();
    private readonly Option<bool> _noSweep = new("--no-period-sweep") { Description = "device level: skip the sweep of shorter periods (min_clock_period_s stays empty)" };

    private static Option<string> CreateEngine()
    {
        var o = new Option<string>("--engine") { Description = "simulator of the device level's clocked transient: hwsim (ours) or ngspice", DefaultValueFactory = _ => "hwsim" };
        o.AcceptOnlyFromAmong("hwsim", "ngspice");
        return o;
    }

    public void AddTo(Command cmd, bool engine)
    {
        cmd.Add(_period);
        if (!engine) return;
        cmd.Add(_engine);
        cmd.Add(_noSweep);
    }

    /// <summary>The clock period given, checked to be positive.</summary>
    public double? Period(ParseResult parse) => parse.GetValue(_period) switch
    {
        null => null,
        { } t when t > 0 && !double.IsInfinity(t) => t,
        { } t => throw new UsageException($"--clock-period must be a positive time in seconds, got {t}"),
    };

    /// <summary>
    /// The device options of compare. <c>--engine ngspice</c> runs the device level's one netlist in ngspice; the ideal and
    /// macro levels evaluate an operating point per step with states set in between, which is not one netlist, so
    /// they take our engine only; ngspice must be installed.
    /// </summary>
    public DeviceOptions Build(ParseResult parse, IReadOnlyList<Hwsim.Circuits.Blocks.FidelityLevel> levels)
    {
        var ngspice = parse.GetValue(_engine) == "ngspice";
        if (ngspice && levels.Any(l => l != Hwsim.Circuits.Blocks.FidelityLevel.Device))
            throw new UsageException("--engine ngspice runs the device level's clocked transient; give --level device (the ideal and macro levels are step-by-step operating points of our engine)");
        if (ngspice && !NgspiceRunner.IsAvailable)
            throw new UsageException("--engine ngspice: ngspice is not installed (apt-get install -y ngspice)");
        if (parse.GetValue(_period) is not null && !levels.Contains(Hwsim.Circuits.Blocks.FidelityLevel.Device))
            throw new UsageException("--clock-period applies to the device level only (give --level device or all)");
        return new DeviceOptions
        {
            ClockPeriod = Period(parse),
            Engine = ngspice ? ClockedEngine.Ngspice : ClockedEngine.Hwsim,
            SweepPeriod = !parse.GetValue(_noSweep),
        };
    }

    /// <summary>The engine name of the summary rows.</summary>
    public static string EngineName(DeviceOptions options) => options.Engine == ClockedEngine.Ngspice ? "ngspice" : "hwsim";
}
