namespace Hwsim.Cli.Tests;

/// <summary>Every command answers --help with exit code 0, its usage and an example that hwsim itself accepts.</summary>
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
        Assert.Matches(@"Examples:\s*\n\s+hwsim ", output.Replace("\r", ""));
    }

    /// <summary>Every example in the help parses: the command and every option it names exist.</summary>
    [Fact]
    public void When_ExamplesParsed_Expect_NoErrors()
    {
        var root = HwsimApp.BuildRoot(TextWriter.Null, TextWriter.Null);
        foreach (var line in CommandExamples.ByCommand.Values.SelectMany(x => x))
        {
            var words = line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("hwsim", words[0]);
            var parse = root.Parse(words.Skip(1).ToArray());
            Assert.True(parse.Errors.Count == 0, $"{line}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
    }

    /// <summary>Options that take a physical quantity name its unit in their help.</summary>
    [Theory]
    [InlineData("compare", "--gmin", "(S")]
    [InlineData("compare", "--read-voltage", "(V")]
    [InlineData("compare", "--wire-resistance", "(ohm")]
    public void When_HelpAsked_Expect_UnitsOfQuantities(string command, string option, string unit)
    {
        var (_, output, _) = CliRunner.Run(command, "--help");
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith(option, StringComparison.Ordinal));
        Assert.Contains(unit, line);
    }

    /// <summary>A value of the wrong kind for a typed option is named in words, not as a .NET type; a value outside an option's list names the option and the list on one line.</summary>
    [Theory]
    [InlineData(new[] { "run", "x.cir", "--max-memory", "abc" }, "hwsim: error: --max-memory expects a whole number, got 'abc'")]
    [InlineData(new[] { "compare", "--seed", "1.5" }, "hwsim: error: --seed expects a whole number, got '1.5'")]
    [InlineData(new[] { "montecarlo", "mlp-xor", "--level", "macro", "--samples", "many" }, "hwsim: error: --samples expects a whole number, got 'many'")]
    [InlineData(new[] { "train", "mlp-xor", "--lr", "fast" }, "hwsim: error: --lr expects a number, got 'fast'")]
    [InlineData(new[] { "compare", "--level", "chip" }, "hwsim: error: --level: 'chip' is not one of ideal, macro, device, all, default")]
    [InlineData(new[] { "train", "mlp-xor", "--hardware-aware", "--level", "chip", "-o", "x.json" }, "hwsim: error: --level: 'chip' is not one of macro, device")]
    public void When_OptionValueOfWrongKind_Expect_ItsKindInWords(string[] args, string line)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(line, error.Replace("\r", "").Split('\n')[0]);
        Assert.DoesNotContain("System.", error);
    }
}
