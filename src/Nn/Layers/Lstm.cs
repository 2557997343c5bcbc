using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using Hwsim.Nn.Hooks;

namespace Hwsim.Nn.Layers;

/// <summary>
/// nn.LSTM exactly, for one or more stacked layers (unidirectional, no projection, no dropout). For layer k:
/// <code>
/// a = x W_ih^T + b_ih + h W_hh^T + b_hh        (gates in the order i, f, g, o; W_ih (4H, I), W_hh (4H, H))
/// i = sigmoid(a_i), f = sigmoid(a_f), g = tanh(a_g), o = sigmoid(a_o)
/// c' = f * c + i * g,   h' = o * tanh(c')
/// </code>
/// The input of layer k &gt; 0 is the h of layer k - 1; the output is the last layer's h at every step.
/// </summary>
public sealed class Lstm : ILayer
{
    private readonly Parameter[] weightIh, weightHh;
    private readonly Parameter?[] biasIh, biasHh;

    /// <summary>Creates a zero-initialised LSTM.</summary>
    public Lstm(string name, int inputSize, int hiddenSize, int numLayers = 1, bool bias = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numLayers);
        Name = name;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        weightIh = new Parameter[numLayers];
        weightHh = new Parameter[numLayers];
        biasIh = new Parameter?[numLayers];
        biasHh = new Parameter?[numLayers];
        var all = new List<Parameter>();
        for (int k = 0; k < numLayers; k++)
        {
            int inK = k == 0 ? inputSize : hiddenSize;
            weightIh[k] = new Parameter($"weight_ih_l{k}", 4 * hiddenSize, inK);
            weightHh[k] = new Parameter($"weight_hh_l{k}", 4 * hiddenSize, hiddenSize);
            all.Add(weightIh[k]);
            all.Add(weightHh[k]);
            if (bias)
            {
                biasIh[k] = new Parameter($"bias_ih_l{k}", 4 * hiddenSize);
                biasHh[k] = new Parameter($"bias_hh_l{k}", 4 * hiddenSize);
                all.Add(biasIh[k]!);
                all.Add(biasHh[k]!);
            }
        }
        Parameters = all;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string TypeName => "LSTM";

    /// <summary>input_size.</summary>
    public int InputSize { get; }

    /// <summary>hidden_size (H).</summary>
    public int HiddenSize { get; }

    /// <summary>num_layers.</summary>
    public int NumLayers { get; }

    /// <summary>True when the layers have b_ih and b_hh.</summary>
    public bool HasBias => biasIh[0] is not null;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public bool IsRecurrent => true;

    /// <summary>weight_ih_l{k}, shape (4H, input of layer k).</summary>
    public Parameter WeightIh(int k) => weightIh[k];

    /// <summary>weight_hh_l{k}, shape (4H, H).</summary>
    public Parameter WeightHh(int k) => weightHh[k];

    /// <summary>bias_ih_l{k}, shape (4H), or null.</summary>
    public Parameter? BiasIh(int k) => biasIh[k];

    /// <summary>bias_hh_l{k}, shape (4H), or null.</summary>
    public Parameter? BiasHh(int k) => biasHh[k];

    /// <summary>
    /// The h each sequence starts from, one H-vector per layer (the same for every sample), or null for zeros (nn.LSTM's
    /// default). It is not trained: PyTorch passes it as (h0, c0), ONNX as the LSTM's initial_h.
    /// </summary>
    public IReadOnlyList<double[]>? InitialH { get; private set; }

    /// <summary>The c each sequence starts from, as <see cref="InitialH"/>.</summary>
    public IReadOnlyList<double[]>? InitialC { get; private set; }

    /// <summary>Sets the initial state (one H-vector per layer for h and for c), or clears it to zeros with nulls.</summary>
    public void SetInitialState(IReadOnlyList<double[]>? h, IReadOnlyList<double[]>? c)
    {
        if (h is null != c is null) throw new ArgumentException($"layer '{Name}' (LSTM): give both initial h and initial c, or neither");
        foreach (var v in new[] { h, c })
            if (v is not null && (v.Count != NumLayers || v.Any(x => x.Length != HiddenSize)))
                throw new ArgumentException($"layer '{Name}' (LSTM): an initial state is {NumLayers} vector(s) of {HiddenSize} values");
        InitialH = h?.Select(x => (double[])x.Clone()).ToArray();
        InitialC = c?.Select(x => (double[])x.Clone()).ToArray();
    }

    /// <summary>The state a batch of <paramref name="size"/> sequences starts from: the given one in every row, or zeros.</summary>
    public LstmState StartState(int size)
    {
        if (InitialH is null || InitialC is null) return LstmState.Zeros(NumLayers, size, HiddenSize);
        Matrix<double> Rows(double[] v) => Matrix<double>.Build.Dense(size, HiddenSize, (_, j) => v[j]);
        return new LstmState(InitialH.Select(Rows).ToArray(), InitialC.Select(Rows).ToArray());
    }

    /// <inheritdoc />
    public int OutputFeatures(int inputFeatures)
    {
        if (inputFeatures != InputSize)
            throw new ArgumentException($"layer '{Name}' (LSTM) expects {InputSize} input features, got {inputFeatures}");
        return HiddenSize;
    }

    /// <inheritdoc />
    public LayerPass Forward(Batch input) => Run(input);

    /// <inheritdoc />
    public LayerPass Forward(Batch input, ForwardHooks hooks) => Run(input, null, hooks);

    /// <summary>
    /// Runs the sequence from the state <paramref name="initial"/> (when null, <see cref="StartState"/>), recording every
    /// gate. With <paramref name="hooks"/>, the gate pre-activations are clipped to its affine clip, the cell state to its
    /// cell-state clip, and its sigmoid and tanh overrides replace the gates' functions and tanh(c).
    /// </summary>
    public LstmPass Run(Batch input, LstmState? initial = null, ForwardHooks? hooks = null)
    {
        hooks ??= ForwardHooks.None;
        OutputFeatures(input.Features);
        int n = input.Size, hs = HiddenSize;
        initial ??= StartState(n);
        if (initial.H.Count != NumLayers || initial.C.Count != NumLayers)
            throw new ArgumentException($"layer '{Name}' (LSTM) needs an initial state for {NumLayers} layer(s)");
        foreach (var m in initial.H.Concat(initial.C))
            if (m.RowCount != n || m.ColumnCount != hs)
                throw new ArgumentException($"layer '{Name}' (LSTM) needs initial states of {n} x {hs}");

        var steps = new IReadOnlyList<LstmStep>[NumLayers];
        var finalH = new Matrix<double>[NumLayers];
        var finalC = new Matrix<double>[NumLayers];
        IReadOnlyList<Matrix<double>> xs = input.Steps;
        for (int k = 0; k < NumLayers; k++)
        {
            var layerSteps = new LstmStep[input.Length];
            var h = initial.H[k];
            var c = initial.C[k];
            for (int t = 0; t < input.Length; t++)
            {
                layerSteps[t] = Step(k, xs[t], h, c, hooks);
                h = layerSteps[t].H;
                c = layerSteps[t].C;
            }
            steps[k] = layerSteps;
            finalH[k] = h;
            finalC[k] = c;
            xs = layerSteps.Select(s => s.H).ToArray();
        }
        return new LstmPass(this, input, new Batch(xs), steps, initial, new LstmState(finalH, finalC), hooks);
    }

    private LstmStep Step(int k, Matrix<double> x, Matrix<double> hPrev, Matrix<double> cPrev, ForwardHooks hooks)
    {
        int n = x.RowCount, hs = HiddenSize;
        var pre = x.TransposeAndMultiply(weightIh[k].Value) + hPrev.TransposeAndMultiply(weightHh[k].Value);
        if (biasIh[k] is not null)
        {
            Tensors.AddRowVector(pre, biasIh[k]!.Value);
            Tensors.AddRowVector(pre, biasHh[k]!.Value);
        }
        hooks.AffineClip?.ApplyInPlace(pre);
        IActivationFunction? sig = hooks.Sigmoid, tanh = hooks.Tanh;
        ClipRange? cellClip = hooks.CellStateClip;
        var i = new DenseMatrix(n, hs);
        var f = new DenseMatrix(n, hs);
        var g = new DenseMatrix(n, hs);
        var o = new DenseMatrix(n, hs);
        var c = new DenseMatrix(n, hs);
        var tc = new DenseMatrix(n, hs);
        var h = new DenseMatrix(n, hs);
        // Column-major storage: element (r, j) of an n-row matrix is at j * n + r; gate k's column j is k * H + j.
        double[] a = Dense(pre), cp = Dense(cPrev);
        double[] iv = i.Values, fv = f.Values, gv = g.Values, ov = o.Values, cv = c.Values, tcv = tc.Values, hv = h.Values;
        int block = hs * n;
        for (int e = 0; e < block; e++)
        {
            iv[e] = sig is null ? Sigmoid.Logistic(a[e]) : sig.Value(a[e]);
            fv[e] = sig is null ? Sigmoid.Logistic(a[block + e]) : sig.Value(a[block + e]);
            gv[e] = tanh is null ? Math.Tanh(a[2 * block + e]) : tanh.Value(a[2 * block + e]);
            ov[e] = sig is null ? Sigmoid.Logistic(a[3 * block + e]) : sig.Value(a[3 * block + e]);
            cv[e] = fv[e] * cp[e] + iv[e] * gv[e];
            if (cellClip is { } cc) cv[e] = cc.Apply(cv[e]);
            tcv[e] = tanh is null ? Math.Tanh(cv[e]) : tanh.Value(cv[e]);
            hv[e] = ov[e] * tcv[e];
        }
        return new LstmStep(x, hPrev, cPrev, pre, i, f, g, o, c, tc, h);
    }

    /// <inheritdoc />
    public Batch Backward(LayerPass pass, Batch outputGradient)
    {
        var lp = (LstmPass)pass;
        IActivationFunction? sig = lp.Hooks.Sigmoid, tanh = lp.Hooks.Tanh;
        ClipRange? affineClip = lp.Hooks.AffineClip, cellClip = lp.Hooks.CellStateClip;
        int n = lp.Input.Size, hs = HiddenSize, len = lp.Input.Length;
        IReadOnlyList<Matrix<double>> dOut = outputGradient.Steps;
        var dh0 = new Matrix<double>[NumLayers];
        var dc0 = new Matrix<double>[NumLayers];
        for (int k = NumLayers - 1; k >= 0; k--)
        {
            var dx = new Matrix<double>[len];
            Matrix<double> dhNext = Tensors.Zeros(n, hs), dcNext = Tensors.Zeros(n, hs);
            for (int t = len - 1; t >= 0; t--)
            {
                var s = lp.Steps[k][t];
                var da = new DenseMatrix(n, 4 * hs);
                var dcPrev = new DenseMatrix(n, hs);
                double[] d = da.Values, dcp = dcPrev.Values, dhIn = Dense(dOut[t]), dhN = Dense(dhNext), dcN = Dense(dcNext);
                double[] iv = Dense(s.I), fv = Dense(s.F), gv = Dense(s.G), ov = Dense(s.O), tcv = Dense(s.TanhC), cp = Dense(s.CPrev);
                double[] a = Dense(s.PreActivation), cv = Dense(s.C);
                int block = hs * n;
                for (int e = 0; e < block; e++)
                {
                    double dh = dhIn[e] + dhN[e];
                    double dc = dcN[e] + dh * ov[e] * (tanh is null ? 1.0 - tcv[e] * tcv[e] : tanh.Derivative(cv[e]));
                    if (cellClip is { } cc) dc *= cc.Slope(cv[e]);
                    if (sig is null && tanh is null)
                    {
                        d[e] = dc * gv[e] * iv[e] * (1.0 - iv[e]);
                        d[block + e] = dc * cp[e] * fv[e] * (1.0 - fv[e]);
                        d[2 * block + e] = dc * iv[e] * (1.0 - gv[e] * gv[e]);
                        d[3 * block + e] = dh * tcv[e] * ov[e] * (1.0 - ov[e]);
                    }
                    else
                    {
                        d[e] = dc * gv[e] * (sig is null ? iv[e] * (1.0 - iv[e]) : sig.Derivative(a[e]));
                        d[block + e] = dc * cp[e] * (sig is null ? fv[e] * (1.0 - fv[e]) : sig.Derivative(a[block + e]));
                        d[2 * block + e] = dc * iv[e] * (tanh is null ? 1.0 - gv[e] * gv[e] : tanh.Derivative(a[2 * block + e]));
                        d[3 * block + e] = dh * tcv[e] * (sig is null ? ov[e] * (1.0 - ov[e]) : sig.Derivative(a[3 * block + e]));
                    }
                    dcp[e] = dc * fv[e];
                }
                if (affineClip is { } ac) ac.MaskInPlace(d, a);
                weightIh[k].Grad.Add(da.TransposeThisAndMultiply(s.X), weightIh[k].Grad);
                weightHh[k].Grad.Add(da.TransposeThisAndMultiply(s.HPrev), weightHh[k].Grad);
                if (biasIh[k] is not null)
                {
                    Tensors.AddColumnSums(biasIh[k]!.Grad, da);
                    Tensors.AddColumnSums(biasHh[k]!.Grad, da);
                }
                dx[t] = da.Multiply(weightIh[k].Value);
                dhNext = da.Multiply(weightHh[k].Value);
                dcNext = dcPrev;
            }
            dh0[k] = dhNext;
            dc0[k] = dcNext;
            dOut = dx;
        }
        lp.InitialStateGradient = new LstmState(dh0, dc0);
        return new Batch(dOut);
    }

    private static double[] Dense(Matrix<double> m) => m.AsColumnMajorArray() ?? m.ToColumnMajorArray();

    /// <summary>PyTorch's default: every weight and bias uniform in +-1/sqrt(hidden_size).</summary>
    public void ResetParameters(Rng rng)
    {
        double bound = 1.0 / Math.Sqrt(HiddenSize);
        foreach (var p in Parameters) p.InitUniform(rng, bound);
    }
}
