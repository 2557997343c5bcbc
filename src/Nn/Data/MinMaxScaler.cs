namespace Hwsim.Nn.Data;

/// <summary>Maps [Min, Max] linearly onto [0, 1] (scikit-learn's MinMaxScaler with the default range).</summary>
public sealed record MinMaxScaler(double Min, double Max)
{
    /// <summary>Fits the range of <paramref name="values"/>.</summary>
    public static MinMaxScaler Fit(IEnumerable<double> values)
    {
        var v = values.ToArray();
        return new MinMaxScaler(v.Min(), v.Max());
    }

    /// <summary>(x - Min) / (Max - Min).</summary>
    public double Transform(double x) => (x - Min) / (Max - Min);

    /// <summary>Min + y (Max - Min).</summary>
    public double Inverse(double y) => Min + y * (Max - Min);
}
