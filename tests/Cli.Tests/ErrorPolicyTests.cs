using Hwsim.Bridge.Compiler;
using Hwsim.Circuits;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Solver;
using Hwsim.Nn.Data;
using Hwsim.Nn.Models;

namespace Hwsim.Cli.Tests;

/// <summary>
/// The one error policy: every exception becomes exit code 1 (simulation failed), 2 (bad input) or 3 (a bug), and
/// one line on standard error; a stack trace only for a bug and only when asked for with HWSIM_DEBUG=1.
/// </summary>
public sealed class ErrorPolicyTests
{
    private static (int Code, string Err) Report(Exception e, bool debug = false)
    {
        var err = new StringWriter();
        var code = ErrorPolicy.Report(e, err, debug);
        return (code, err.ToString());
    }

    public static TheoryData<Exception, int, string> Cases() => new()
    {
        { new UsageException("--repeat must be at least 1"), 2, "hwsim: error: --repeat must be at least 1" },
        { new NetlistException(new SourceLocation("a.cir", 3, 8), "bad value"), 2, "hwsim: error: a.cir:3:8: bad value" },
        { new ModelFormatException("missing format", "m.json"), 2, "hwsim: error: m.json: missing format" },
        { new CsvFormatException("not a number", "x.csv", 3, 2), 2, "hwsim: error: x.csv:3:2: not a number" },
        { new CompileException("layer fc: no"), 2, "hwsim: error: layer fc: no" },
        { new CircuitException("R1: bad", "r1").At(new SourceLocation("b.cir", 4, 1)), 2, "hwsim: error: b.cir:4:1: R1: bad" },
        { new FileNotFoundException("x.cir: no such file"), 2, "hwsim: error: x.cir: no such file" },
        { new UnauthorizedAccessException("Access to the path '/x' is denied."), 2, "hwsim: error: Access to the path '/x' is denied." },
        { new IOException("No space left on device"), 2, "hwsim: error: No space left on device" },
        { new SimulationException("no convergence at v(out)"), 1, "hwsim: simulation failed: no convergence at v(out)" },
        { new SingularMatrixException(3, 0), 1, "hwsim: simulation failed: The matrix is singular: no pivot for unknown 3 (largest candidate magnitude 0)." },
        { new AggregateException(new SimulationException("in a worker")), 1, "hwsim: simulation failed: in a worker" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void When_TypedException_Expect_ItsExitCodeAndOneLine(Exception e, int code, string line)
    {
        var (actual, err) = Report(e);
        Assert.Equal(code, actual);
        Assert.Equal(line + Environment.NewLine, err);
    }

    private static Exception Thrown()
    {
        try
        {
            throw new InvalidOperationException("the impossible happened");
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Fact]
    public void When_AnythingElse_Expect_ExitThreeOneLineAskingForAReportAndNoTrace()
    {
        var (code, err) = Report(Thrown());
        Assert.Equal(ExitCodes.InternalError, code);
        var line = Assert.Single(err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hwsim: internal error (InvalidOperationException)", line);
        Assert.Contains("please report it", line);
        Assert.Contains("HWSIM_DEBUG=1", line);
        Assert.EndsWith("the impossible happened", line);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void When_DebugAsked_Expect_TheTraceAfterTheLine()
    {
        var (code, err) = Report(Thrown(), debug: true);
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.StartsWith("hwsim: internal error (InvalidOperationException)", err);
        Assert.Contains("   at ", err);
        Assert.Contains(nameof(Thrown), err);
    }

    [Fact]
    public void When_MessageHasControlCharactersOrIsHuge_Expect_OneEscapedShortLine()
    {
        var (code, err) = Report(new UsageException("bad\nline\0with \u001b[31mescape " + new string('x', 1_000_000)));
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(@"hwsim: error: bad\nline\u0000with \u001b[31mescape xxx", line);
        Assert.True(line.Length <= ErrorText.MaxLength + 8, $"{line.Length} characters");
    }

    [Fact]
    public void When_InferInputIsAFolder_Expect_IsAFolderNotAccessDenied()
    {
        var folder = Directory.CreateTempSubdirectory("hwsim-policy").FullName;
        var (code, _, err) = CliRunner.Run("infer", CliRunner.Repo("models", "mlp-xor.json"), folder);
        Assert.Equal(2, code);
        Assert.Equal($"hwsim: error: {folder}: is a folder; give an input CSV file", err.TrimEnd());
    }

    [Fact]
    public void When_InferModelIsMissing_Expect_NoSuchFileAndExitTwo()
    {
        var (code, _, err) = CliRunner.Run("infer", "/nonexistent/m.json", CliRunner.Repo("models", "mlp-xor.json"));
        Assert.Equal(2, code);
        Assert.Equal("hwsim: error: /nonexistent/m.json: no such file", err.TrimEnd());
    }

    [Fact]
    public void When_CompareGetsAnUnknownDemo_Expect_ExitTwoBeforeAnyOutputFolder()
    {
        var outDir = Path.Combine(Directory.CreateTempSubdirectory("hwsim-policy").FullName, "cmp");
        var (code, _, err) = CliRunner.Run("compare", "no-such-demo", "--out", outDir);
        Assert.Equal(2, code);
        Assert.StartsWith("hwsim: error: unknown demo 'no-such-demo'", err);
    }
}
