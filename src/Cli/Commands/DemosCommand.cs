using System.CommandLine;
using Hwsim.Bridge.Demos;

namespace Hwsim.Cli.Commands;

/// <summary><c>hwsim demos</c>: one line per demo network.</summary>
public static class DemosCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("demos", "List the demo networks.");
        cmd.SetAction(_ =>
        {
            foreach (var d in BridgeDemos.All) stdout.WriteLine($"{d.Name,-16} {d.Description}");
            return ExitCodes.Success;
        });
        return cmd;
    }
}
