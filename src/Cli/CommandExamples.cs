using System.CommandLine;

namespace Hwsim.Cli;

/// <summary>
/// One example (or a few) per command, shown at the top of its <c>--help</c> under "Examples:": how a first-time user
/// actually calls it. Kept in one place so that the help, the README tour and the tests agree.
/// </summary>
internal static class CommandExamples
{
    public static readonly IReadOnlyDictionary<string, string[]> ByCommand = new Dictionary<string, string[]>
    {
        ["hwsim"] =
        [
            "hwsim compare                                   # every demo, circuit against software; out/compare/report.html",
            "hwsim compare lstm-cell --level macro           # one demo at one level",
            "hwsim block tanh --inspect tanh.html            # a building block's page",
            "hwsim run netlists/engine/rc_lowpass.cir --out rc.csv   # a SPICE netlist on our engine",
        ],
        ["run"] = ["hwsim run netlists/engine/rc_lowpass.cir --out rc.csv --stats"],
        ["train"] =
        [
            "hwsim train mlp-xor --epochs 2000 --out xor.json --plot xor.loss.png",
            "hwsim train --model init.json --data train.csv --inputs x1,x2 --targets y --loss mse --optimizer adam --lr 0.01 --epochs 500 -o trained.json",
            "hwsim train lstm-sine --model models/lstm-sine.json --hardware-aware --weight-bits 3 --lr 0.003 --epochs 100 -o sine-3bit.json   # then: hwsim compare lstm-sine --model sine-3bit.json --level macro --weight-bits 3",
            "hwsim train lstm-sine --model models/lstm-sine.json --hardware-aware --level device --lr 0.003 --epochs 100 -o sine-dev.json   # the device blocks' measured activation curves",
        ],
        ["infer"] = ["hwsim infer models/mlp-xor.json rows.csv --out outputs.csv   # rows.csv: a header (x1,x2), then one row per sample"],
        ["demos"] = ["hwsim demos"],
        ["compare"] =
        [
            "hwsim compare lstm-cell mlp-shapes --level macro --out out/two",
            "hwsim compare --model my.json --inputs rows.csv --weight-bits 6 --wire-resistance 2",
        ],
        ["netlist"] = ["hwsim netlist lstm-cell --level macro -o lstm-cell.cir   # then: ngspice -b lstm-cell.cir"],
        ["bench"] = ["hwsim bench crossbar32 --repeat 5"],
        ["import"] = ["hwsim import model.onnx -o model.json   # an ONNX file as torch.onnx.export writes it; then: hwsim compare --model model.json"],
        ["export"] = ["hwsim export models/lstm-sine.json -o lstm-sine.onnx   # runs in ONNX Runtime"],
        ["block"] = ["hwsim block tanh --level device --plot tanh.png --inspect tanh.html"],
        ["montecarlo"] =
        [
            "hwsim montecarlo mlp-shapes lstm-airline --level macro --samples 200 --weight-bits 4 --variation 0.1",
            "hwsim montecarlo lstm-airline --level macro --samples 100 --variation 0,0.02,0.05,0.1   # a sweep",
            "hwsim montecarlo mlp-xor --level device --samples 20 --variation 0.1 --shard 0/4 --out mc/shard-0",
        ],
        ["merge"] = ["hwsim merge mc/shard-0 mc/shard-1 mc/shard-2 mc/shard-3 --out mc/study"],
    };

    /// <summary>Appends the examples to the description of the root and of every command that has them.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Description = With(root.Description, ByCommand["hwsim"]);
        foreach (var command in root.Subcommands)
            if (ByCommand.TryGetValue(command.Name, out var lines)) command.Description = With(command.Description, lines);
    }

    private static string With(string? description, string[] lines) =>
        $"{description}\n\nExamples:\n{string.Join('\n', lines.Select(l => "  " + l))}";
}
