using System.CommandLine;
using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Demos;
using Hwsim.Circuits.Results;
using Hwsim.Nn.Models;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim netlist DEMO --level L -o FILE.cir</c>: exports a demo's circuit as a netlist that ngspice also runs, with
/// the inputs set to the demo's first test input (and LSTM states at zero: its first step).
/// </summary>
public static class NetlistCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var demo = new Argument<string>("DEMO") { Description = "the demo (see hwsim demos)" };
        var level = new Option<string>("--level") { Description = "ideal or macro", DefaultValueFactory = _ => "ideal" };
        level.AcceptOnlyFromAmong("ideal", "macro");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "netlist file (default: print it)" };
        var cmd = new Command("netlist", "Export a demo network's circuit as a SPICE netlist.") { demo, level, output };
        cmd.SetAction(parse => Run(parse.GetValue(demo)!, parse.GetValue(level)!, parse.GetValue(output), stdout, stderr));
        return cmd;
    }

    private static int Run(string name, string levelText, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        using var publication = new Publication();
        var staged = output is null ? null : publication.File("--output", output.FullName);
        var demo = BridgeDemos.Find(name) ?? throw new UsageException(
            $"unknown demo '{name}' (known: {string.Join(", ", BridgeDemos.All.Select(d => d.Name))})");
        var c = demo.ToCase(ModelsFolder.Find());
        var compiled = NetworkCompiler.Compile(c.Model, LevelArgument.Parse(levelText)[0]);
        var text = compiled.NetlistWithInputs(c.Inputs[0]);
        if (output is null) stdout.Write(text);
        else
        {
            AtomicFile.WriteAllText(staged!, text);
            publication.Commit();
            stdout.WriteLine($"wrote {output.FullName} ({compiled.Signals.Count} signals, {compiled.InstanceCount} instances)");
        }
        return ExitCodes.Success;
    }
}
