using Hwsim.Bridge.Compiler;
using Hwsim.Bridge.Evaluation;
using Hwsim.Circuits.Blocks;
using Hwsim.Nn.Demos;
using Hwsim.Nn.Models;

namespace Hwsim.Bridge.Tests;

public class CompilerSmokeTests
{
    [Theory]
    [InlineData("mlp-xor")]
    [InlineData("lstm-cell")]
    [InlineData("neuron-tanh")]
    [InlineData("conv-sobel")]
    public void When_IdealCircuitEvaluated_Expect_SoftwareValues(string demo) => Check(demo, FidelityLevel.Ideal, 1e-9);

    /// <summary>The circuits' sample-and-holds start at zero: an LSTM with a given initial state is refused, not run wrongly.</summary>
    [Fact]
    public void When_LstmHasAGivenInitialState_Expect_CompileExceptionNamingTheLayer()
    {
        var model = ModelFile.Load(RepoFiles.Model("lstm-cell"));
        var lstm = (Hwsim.Nn.Layers.Lstm)model.Network["lstm"];
        lstm.SetInitialState([[0.1, -0.2]], [[0.0, 0.3]]);
        var e = Assert.Throws<CompileException>(() => NetworkCompiler.Compile(model, FidelityLevel.Ideal));
        Assert.Contains("layer 'lstm' (LSTM): a given initial state", e.Message);
    }

    private static void Check(string demo, FidelityLevel level, double tolerance)
    {
        var model = ModelFile.Load(RepoFiles.Model(demo));
        var rows = DemoCatalog.Get(demo).Data().TestInputRows.Take(12).ToArray();
        var compiled = NetworkCompiler.Compile(model, level);
        var circuit = new CircuitEvaluator(compiled).Run(rows);
        var software = SoftwareTracer.Trace(model, compiled, rows);
        var worst = 0.0;
        for (var p = 0; p < circuit.Points; p++)
            for (var s = 0; s < circuit.Signals.Count; s++)
                worst = Math.Max(worst, Math.Abs(circuit.Values[p][s] - software.Values[p][s]));
        Assert.True(worst < tolerance, $"{demo}: worst signal error {worst}");
    }
}
