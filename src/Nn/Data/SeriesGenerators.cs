namespace Hwsim.Nn.Data;

/// <summary>Generated time series: a sine and the Mackey-Glass chaotic series.</summary>
public static class SeriesGenerators
{
    /// <summary>sin(2 pi t / period + phase) for t = 0 .. length - 1.</summary>
    public static double[] Sine(int length, double period, double phase = 0) =>
        Enumerable.Range(0, length).Select(t => Math.Sin(2 * Math.PI * t / period + phase)).ToArray();

    /// <summary>
    /// The Mackey-Glass delay differential equation dx/dt = beta x(t - tau) / (1 + x(t - tau)^n) - gamma x(t),
    /// with x = 1.2 for t &lt;= 0, integrated by explicit Euler with step <paramref name="dt"/> and sampled every
    /// time unit after discarding <paramref name="discard"/> time units of transient.
    /// Defaults are the classic chaotic setting (tau 17, beta 0.2, gamma 0.1, n 10).
    /// </summary>
    public static double[] MackeyGlass(int length, double tau = 17, double beta = 0.2, double gamma = 0.1,
        double n = 10, double dt = 0.01, int discard = 200)
    {
        int perUnit = (int)Math.Round(1 / dt);
        int delay = (int)Math.Round(tau / dt);
        int total = (length + discard) * perUnit + 1;
        var x = new double[total + delay];
        for (int i = 0; i <= delay; i++) x[i] = 1.2;
        for (int i = delay; i < x.Length - 1; i++)
        {
            double xd = x[i - delay];
            x[i + 1] = x[i] + dt * (beta * xd / (1 + Math.Pow(xd, n)) - gamma * x[i]);
        }
        return Enumerable.Range(0, length).Select(k => x[delay + (discard + k) * perUnit]).ToArray();
    }
}
