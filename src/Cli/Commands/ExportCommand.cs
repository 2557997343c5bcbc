using System.CommandLine;
using Hwsim.Nn.Models;
using Hwsim.Nn.Models.Onnx;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim export MODEL.json -o MODEL.onnx [--double]</c>: writes a model as ONNX (opset 14; float32 tensors, or
/// float64 with --double), which ONNX Runtime and other tools run.
/// </summary>
public static class ExportCommand
{
    public static Command Create(TextWriter stdout)
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "the model file (hwsim-model/1 JSON)" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "the ONNX file to write", Required = true };
        var asDouble = new Option<bool>("--double") { Description = "write float64 tensors (ONNX Runtime's CPU LSTM and Conv take float32 only)" };
        var cmd = new Command("export", "Export a model file as ONNX.") { model, output, asDouble };
        cmd.SetAction(parse =>
        {
            var target = parse.GetValue(output)!.FullName;
            using var publication = new Publication();
            var staged = publication.File("--output", target);
            InputPaths.CheckFile(parse.GetValue(model)!, "a model file");
            var loaded = ModelLoader.Load(parse.GetValue(model)!.FullName);
            OnnxExporter.Save(loaded, staged, parse.GetValue(asDouble));
            publication.Commit();
            stdout.WriteLine($"wrote {target} (opset {OnnxExporter.Opset}, {(parse.GetValue(asDouble) ? "float64" : "float32")})");
            return ExitCodes.Success;
        });
        return cmd;
    }
}
