using System.CommandLine;
using Hwsim.Nn.Models;
using Hwsim.Nn.Models.Onnx;

namespace Hwsim.Cli.Commands;

/// <summary>
/// <c>hwsim import MODEL.onnx -o MODEL.json</c>: reads an ONNX model (as torch.onnx.export writes one) and writes it as
/// hwsim-model/1. A file that cannot be imported is one line naming the node and its operator (exit 2).
/// </summary>
public static class ImportCommand
{
    public static Command Create(TextWriter stdout)
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "the ONNX file" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "the hwsim-model/1 JSON file to write", Required = true };
        var cmd = new Command("import", "Import an ONNX model as a hwsim-model/1 file.") { model, output };
        cmd.SetAction(parse =>
        {
            var target = parse.GetValue(output)!.FullName;
            using var publication = new Publication();
            var staged = publication.File("--output", target);
            InputPaths.CheckFile(parse.GetValue(model)!, "an ONNX file");
            var imported = OnnxImporter.Load(parse.GetValue(model)!.FullName);
            ModelFile.Save(imported, staged);
            publication.Commit();
            stdout.WriteLine($"wrote {target}: {string.Join(", ", imported.Network.Layers.Select(l => $"{l.Name} ({l.TypeName})"))}");
            return ExitCodes.Success;
        });
        return cmd;
    }
}
