using Hwsim.Nn;
using Hwsim.Nn.Hooks;
using Hwsim.Nn.Layers;
using MathNet.Numerics.LinearAlgebra;

namespace Hwsim.Nn.Tests;

/// <summary>Random data, the repository root, and central finite differences.</summary>
internal static class TestSupport
{
    public static Batch RandomBatch(Rng rng, int length, int size, int features, double scale = 1.0) =>
        new(Enumerable.Range(0, length)
            .Select(_ => Matrix<double>.Build.Dense(size, features, (_, _) => rng.Uniform(-scale, scale)))
            .ToArray());

    /// <summary>The folder holding Simulator.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>sum over all elements of a * b: a scalar loss whose gradient with respect to a is b.</summary>
    public static double Dot(Batch a, Batch b)
    {
        double s = 0;
        for (int t = 0; t < a.Length; t++) s += a[t].PointwiseMultiply(b[t]).Enumerate().Sum();
        return s;
    }

    /// <summary>Norm-wise relative error between an analytic and a numeric gradient.</summary>
    public static double RelativeError(IReadOnlyList<double> analytic, IReadOnlyList<double> numeric)
    {
        double diff = 0, a = 0, n = 0;
        for (int i = 0; i < analytic.Count; i++)
        {
            diff += Math.Pow(analytic[i] - numeric[i], 2);
            a += analytic[i] * analytic[i];
            n += numeric[i] * numeric[i];
        }
        double scale = Math.Max(Math.Sqrt(a), Math.Sqrt(n));
        return scale == 0 ? 0 : Math.Sqrt(diff) / scale;
    }

    /// <summary>Central difference of f with respect to every element of a storage array.</summary>
    public static double[] Numeric(double[] values, Func<double> f, double h = 1e-5)
    {
        var g = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double keep = values[i];
            values[i] = keep + h;
            double plus = f();
            values[i] = keep - h;
            double minus = f();
            values[i] = keep;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /// <summary>
    /// Checks the backward pass of <paramref name="layer"/> against central differences for every parameter and
    /// for the input, with loss = sum(output * R) for a random R. Returns the worst relative error.
    /// </summary>
    public static double GradientCheck(ILayer layer, Batch input, Rng rng) => GradientCheck(layer, input, rng, null);

    /// <summary>As <see cref="GradientCheck(ILayer, Batch, Rng)"/>, the layer running with <paramref name="hooks"/> when given.</summary>
    public static double GradientCheck(ILayer layer, Batch input, Rng rng, ForwardHooks? hooks)
    {
        LayerPass Run() => hooks is null ? layer.Forward(input) : layer.Forward(input, hooks);
        var pass = Run();
        var r = RandomBatch(rng, pass.Output.Length, pass.Output.Size, pass.Output.Features);
        foreach (var p in layer.Parameters) p.ZeroGrad();
        var dInput = layer.Backward(pass, r);
        double Loss() => Dot(Run().Output, r);

        double worst = 0;
        foreach (var p in layer.Parameters)
        {
            var numeric = Numeric(p.ValueArray, Loss);
            double e = RelativeError(p.GradArray, numeric);
            Assert.True(e < 1e-6, $"{layer.Name}.{p.Name}: relative error {e:E2}");
            worst = Math.Max(worst, e);
        }
        for (int t = 0; t < input.Length; t++)
        {
            var storage = input[t].AsColumnMajorArray()!;
            var numeric = Numeric(storage, Loss);
            double e = RelativeError(dInput[t].ToColumnMajorArray(), numeric);
            Assert.True(e < 1e-6, $"{layer.Name} input step {t}: relative error {e:E2}");
            worst = Math.Max(worst, e);
        }
        return worst;
    }
}
