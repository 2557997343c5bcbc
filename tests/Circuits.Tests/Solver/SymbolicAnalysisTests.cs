using System.Numerics;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

/// <summary>One symbolic analysis serves every numeric factorisation of its structure, real or complex.</summary>
public sealed class SymbolicAnalysisTests
{
    [Fact]
    public void When_SharedBySeveralValueSets_Expect_EachSolvedAsWithItsOwnAnalysis()
    {
        // Same structure (seeded), different values: the Monte Carlo situation.
        var first = RandomSystems.PermutedDominant<double>(40, 3, 0.1, permute: true);
        var symbolic = SymbolicAnalysis.Analyze(first);
        for (int sample = 0; sample < 5; sample++)
        {
            var matrix = RandomSystems.PermutedDominant<double>(40, 3, 0.1, permute: true);
            RandomSystems.Perturb(matrix, 100 + sample, 0.3);
            double[] b = RandomSystems.Rhs<double>(40, sample);

            var shared = new SparseLU<double>(matrix, symbolic);
            shared.Factor();
            double[] x = (double[])b.Clone();
            shared.Solve(x);

            var own = new SparseLU<double>(matrix);
            own.Analyze();
            own.Factor();
            double[] y = (double[])b.Clone();
            own.Solve(y);

            Assert.Same(symbolic, shared.Symbolic);
            Assert.Equal(y, x); // same order, same pivots: the same operations
            Assert.True(DenseReference.RelativeResidual(matrix, x, b) < 1e-12);
        }
    }

    [Fact]
    public void When_ComplexMatrixOfRealStructure_Expect_RealAnalysisReused()
    {
        // An RC network: the AC matrix has the DC matrix's structure, so AC reuses the DC order.
        const double w = 2 * Math.PI * 1e3;
        var dc = new Mna<double>(3);
        dc.VoltageSource(1, 0, 1.0);
        dc.Resistor(1, 2, 1e3).Resistor(2, 3, 2e3).Admittance(2, 0, 0).Admittance(3, 0, 0).Build();
        var ac = new Mna<Complex>(3);
        ac.VoltageSource(1, 0, Complex.One);
        ac.Resistor(1, 2, 1e3).Resistor(2, 3, 2e3).Admittance(2, 0, new Complex(0, w * 1e-7))
            .Admittance(3, 0, new Complex(1e-6, w * 2e-7)).Build();
        var real = new SparseLU<double>(dc.Matrix);
        real.Analyze();

        var complex = new SparseLU<Complex>(ac.Matrix, real.Symbolic!);
        complex.Factor();
        Complex[] x = (Complex[])ac.Rhs.Clone();
        complex.Solve(x);

        Assert.Same(real.Symbolic, complex.Symbolic);
        Assert.True(DenseReference.RelativeResidual(ac.Matrix, x, ac.Rhs) < 1e-14);
    }

    [Fact]
    public void When_StructureDiffers_Expect_ArgumentException()
    {
        var a = new Mna<double>(2);
        a.Resistor(1, 2, 1).Resistor(1, 0, 1).Resistor(2, 0, 1).Build();
        var b = new Mna<double>(2);
        b.Resistor(1, 0, 1).Resistor(2, 0, 1).Build();
        var symbolic = SymbolicAnalysis.Analyze(a.Matrix);

        Assert.True(symbolic.Fits(a.Matrix));
        Assert.False(symbolic.Fits(b.Matrix));
        Assert.Throws<ArgumentException>(() => new SparseLU<double>(b.Matrix, symbolic));
    }
}
