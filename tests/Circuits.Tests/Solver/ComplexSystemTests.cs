using System.Numerics;
using CsCheck;
using Hwsim.Circuits.Solver;

namespace Hwsim.Circuits.Tests.Solver;

public sealed class ComplexSystemTests
{
    [Fact]
    public void When_RandomComplexSystems_Expect_DenseLuSolution()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Int[0, int.MaxValue], Gen.Double[0.0, 0.25], Gen.Bool)
            .Sample(
                (n, seed, density, permute) =>
                {
                    var matrix = RandomSystems.PermutedDominant<Complex>(n, seed, density, permute);
                    Complex[] b = RandomSystems.Rhs<Complex>(n, seed);
                    Complex[] x = (Complex[])b.Clone();
                    var lu = new SparseLU<Complex>(matrix, relativePivotThreshold: 1.0);
                    lu.Factorize();
                    lu.Solve(x);
                    Complex[] expected = DenseReference.Solve(DenseReference.ToDense(matrix), b[1..]);

                    Assert.Equal(Complex.Zero, x[0]);
                    for (int i = 0; i < n; i++)
                    {
                        Assert.True(Complex.Abs(x[i + 1] - expected[i]) <= 1e-11 * (1 + Complex.Abs(expected[i])), $"x[{i + 1}]");
                    }

                    Complex[] t = (Complex[])b.Clone();
                    var defaultLu = new SparseLU<Complex>(matrix);
                    defaultLu.Factorize();
                    defaultLu.Solve(t);
                    Assert.True(DenseReference.RelativeResidual(matrix, t, b) < 1e-9);
                },
                iter: 200,
                threads: 1);
    }

    [Fact]
    public void When_RcLowPassAc_Expect_AnalyticTransfer()
    {
        // V1 = 1 V (AC) -> R -> node 2 -> C to ground: v(2) = 1 / (1 + j w R C).
        const double r = 1e3;
        const double c = 1e-6;
        foreach (double f in new[] { 1.0, 159.15494309189535, 1e4 })
        {
            double w = 2 * Math.PI * f;
            var mna = new Mna<Complex>(2);
            int branch = mna.VoltageSource(1, 0, Complex.One);
            mna.Resistor(1, 2, r).Admittance(2, 0, new Complex(0, w * c)).Build();
            Complex[] x = (Complex[])mna.Rhs.Clone();
            var lu = new SparseLU<Complex>(mna.Matrix);
            lu.Factorize();
            lu.Solve(x);

            Complex expected = 1 / new Complex(1, w * r * c);
            Assert.True(Complex.Abs(x[2] - expected) < 1e-12, $"f = {f}: {x[2]} vs {expected}");
            Assert.True(Complex.Abs(x[branch] + ((1 - expected) / r)) < 1e-15);
        }
    }

    [Fact]
    public void When_ComplexRefactorAndTransposedSolve_Expect_DenseAnswers()
    {
        var matrix = RandomSystems.PermutedDominant<Complex>(30, 11, 0.15, permute: true);
        var lu = new SparseLU<Complex>(matrix, relativePivotThreshold: 0.5);
        lu.Factorize();
        RandomSystems.Perturb(matrix, 12, 0.2);
        Assert.True(lu.Refactor());

        Complex[,] dense = DenseReference.ToDense(matrix);
        var transposed = new Complex[30, 30];
        for (int i = 0; i < 30; i++)
        {
            for (int j = 0; j < 30; j++)
            {
                transposed[i, j] = dense[j, i];
            }
        }

        Complex[] b = RandomSystems.Rhs<Complex>(30, 13);
        Complex[] x = (Complex[])b.Clone();
        Complex[] y = (Complex[])b.Clone();
        lu.Solve(x);
        lu.SolveTransposed(y);
        Complex[] expectedX = DenseReference.Solve(dense, b[1..]);
        Complex[] expectedY = DenseReference.Solve(transposed, b[1..]);
        for (int i = 0; i < 30; i++)
        {
            Assert.True(Complex.Abs(x[i + 1] - expectedX[i]) < 1e-10);
            Assert.True(Complex.Abs(y[i + 1] - expectedY[i]) < 1e-10);
        }
    }

    [Fact]
    public void When_ComplexPivotMagnitude_Expect_SumOfAbsoluteParts()
    {
        Assert.Equal(7.0, SparseLU<Complex>.Magnitude(new Complex(3, -4)));
        Assert.Equal(2.5, SparseLU<double>.Magnitude(-2.5));
        Assert.Equal(1.5, SparseLU<float>.Magnitude(-1.5f));
    }
}
