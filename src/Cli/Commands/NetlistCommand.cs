using System.CommandLine;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Evaluation;
using Hwsim.Circuits.Blocks;
using Hwsim.Circuits.Results;
using Hwsim.Bridge.Mapping;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim netlist DEMO --level L [mapping options] [--clock-period T] -o FILE.cir</c>: exports a demo's circuit as a
/// netlist that ngspice also runs. Ideal and macro: one operating point (<c>.op</c>) with the inputs set to the demo's
/// first test input (and LSTM states at zero: its first step). Device: the whole clocked transient of the first test
/// sequence (or the first samples), with a <c>.control</c> block so that <c>ngspice -b FILE.cir</c> runs it unchanged
/// and writes the signals to <c>FILE.out.txt</c>. Every mapping option of compare applies, so the exported netlist is
/// the circuit compare simulates.
/// </summary>
public static class NetlistCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var demo = new Argument<string>("DEMO") { Description = "the demo (see hwsim demos)" };
        var level = new Option<string>("--level") { Description = "ideal, macro or device", DefaultValueFactory = _ => "ideal" };
        level.AcceptOnlyFromAmong("ideal", "macro", "device");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "netlist file (default: print it)" };
        var profile = new ProfileOptions();
        var device = new DeviceLevelOptions();
        var cmd = new Command("netlist", "Export a demo network's circuit as a SPICE netlist.") { demo, level, output };
        profile.AddTo(cmd);
        device.AddTo(cmd, engine: false);
        cmd.SetAction(parse => Run(parse.GetValue(demo)!, parse.GetValue(level)!, parse.GetValue(output), profile, device, parse, stdout, stderr));
        return cmd;
    }

    private static int Run(string name, string levelText, FileInfo? output, ProfileOptions profileOptions, DeviceLevelOptions deviceOptions,
        ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        using var publication = new Publication();
        var staged = output is null ? null : publication.File("--output", output.FullName);
        var demo = BridgeDemos.Find(name) ?? throw new UsageException(
            $"unknown demo '{name}' (known: {string.Join(", ", BridgeDemos.All.Select(d => d.Name))})");
        var c = demo.ToCase(ModelsFolder.Find());
        var lvl = LevelArgument.Parse(levelText)[0];
        var period = deviceOptions.Period(parse);
        if (period is not null && lvl != FidelityLevel.Device) throw new UsageException("--clock-period applies to --level device only");
        var baseProfile = lvl == FidelityLevel.Device && c.DeviceProfile is { } d ? d : MappingProfile.For(lvl);
        var compiled = NetworkCompiler.Compile(c.Model, lvl, profileOptions.Build(parse, baseProfile));
        string text;
        var what = "";
        if (compiled.IsClocked)
        {
            var stem = output is null ? c.Name + ".device" : Path.GetFileNameWithoutExtension(output.Name);
            var (t, used, points) = DeviceNetlist.Export(c, compiled, period, stem + ".out.txt");
            text = t;
            what = $", a clocked transient of {points} {(compiled.IsSequenceModel ? "steps" : "samples")} at a {used:G3} s period; ngspice -b writes {stem}.out.txt";
        }
        else
        {
            text = compiled.NetlistWithInputs(c.Inputs[0]);
        }
        if (output is null) stdout.Write(text);
        else
        {
            AtomicFile.WriteAllText(staged!, text);
            publication.Commit();
            stdout.WriteLine($"wrote {output.FullName} ({compiled.Signals.Count} signals, {compiled.InstanceCount} instances{what})");
        }
        return ExitCodes.Success;
    }
}
