namespace Hwsim.Cli.Tests;

/// <summary>
/// An output path that cannot be written is a bad argument: one line naming the option and the path, exit code 2,
/// before any work is done, and nothing written.
/// </summary>
public class OutputPathTests
{
    private static string AFile()
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-out").FullName;
        var file = Path.Combine(dir, "plain-file");
        File.WriteAllText(file, "not a folder");
        return file;
    }

    private static string Tiny() => CliRunner.TempFile("tiny.cir", "tiny\nv1 a 0 1\nr1 a 0 1k\n.op\n.end\n");

    private static string[][] UnderAFile(string file) =>
    [
        ["run", Tiny(), "--out", Path.Combine(file, "x.csv")],
        ["compare", "mlp-xor", "--out", Path.Combine(file, "cmp")],
        ["netlist", "mlp-xor", "--level", "ideal", "-o", Path.Combine(file, "x.cir")],
        ["train", "mlp-xor", "--out", Path.Combine(file, "m.json")],
        ["block", "tanh", "--csv", Path.Combine(file, "t.csv")],
    ];

    [Fact]
    public void When_OutputFolderWouldBeUnderAFile_Expect_OneLineNamingOptionAndExit2()
    {
        var file = AFile();
        foreach (var args in UnderAFile(file))
        {
            var (code, output, err) = CliRunner.Run(args);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}\n{err}");
            var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("hwsim: error: -", line);
            Assert.Contains(file, line);
            Assert.DoesNotContain("internal error", err);
            Assert.DoesNotContain("[", output); // no progress lines: nothing ran
        }
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void When_RunOutIsAFolder_Expect_ErrorAskingForAFileName()
    {
        var folder = Directory.CreateTempSubdirectory("hwsim-out").FullName;
        var (code, _, err) = CliRunner.Run("run", Tiny(), "--out", folder);

        Assert.Equal(2, code);
        Assert.Contains($"--out {folder}: is a folder", err);
    }

    [Fact]
    public void When_CompareOutIsAFile_Expect_ErrorAskingForAFolder()
    {
        var file = AFile();
        var (code, _, err) = CliRunner.Run("compare", "mlp-xor", "--out", file);

        Assert.Equal(2, code);
        Assert.Contains($"--out {file}: is a file", err);
    }
}
