using Hwsim.Circuits.Control.Vectors;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Control;

/// <summary><c>fourier f0 expr ...</c>: ngspice's table of harmonics of each vector over the current plot's last period.</summary>
public sealed partial class ControlSession
{
    private void Fourier(List<string> args)
    {
        if (args.Count < 2) throw new VectorExpressionException("fourier: usage is fourier fundamental_frequency vector ...");
        var plot = Plots.Current;
        if (plot.Scale is not { IsComplex: false } time) throw new VectorExpressionException("fourier: the current plot has no real time scale");
        var f0 = Evaluate(args[0]).Real[0];
        if (!(f0 > 0)) throw new VectorExpressionException($"fourier: bad fundamental frequency {args[0]}");
        var harmonics = (int)(Variables.Number("nfreqs") ?? 10);
        if (harmonics < 1) harmonics = 10;
        var grid = (int)(Variables.Number("fourgridsize") ?? 200);
        if (grid < 1) grid = 200;
        if (Variables.Number("polydegree") is { } degree && degree != 1)
            throw new VectorExpressionException("fourier: hwsim interpolates with polydegree 1 only (ngspice's default)");
        foreach (var vector in EvaluateList(args.Skip(1).ToList()))
        {
            if (vector.IsComplex) throw new VectorExpressionException($"fourier: {vector.Name} isn't real");
            FourierResult r;
            try
            {
                r = FourierAnalysis.Of(time.Real, vector.Real, f0, harmonics, grid);
            }
            catch (ArgumentException e)
            {
                throw new VectorExpressionException($"fourier: {e.Message}");
            }
            FourierAnalysis.Write(_out, vector.Name, r, grid);
        }
    }
}
