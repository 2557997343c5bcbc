namespace Hwsim.Cli.Tests;

/// <summary>Every command answers --help with exit code 0.</summary>
public class HelpTests
{
    public static TheoryData<string[]> Commands()
    {
        var data = new TheoryData<string[]> { new[] { "--help" } };
        foreach (var c in HwsimApp.BuildRoot(TextWriter.Null, TextWriter.Null).Subcommands)
            data.Add(new[] { c.Name, "--help" });
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void When_HelpAsked_Expect_UsageAndExitZero(string[] args)
    {
        var (code, output, _) = CliRunner.Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage", output);
    }
}
