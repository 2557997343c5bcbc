using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Netlist;

internal sealed partial class Elaborator
{
    /// <summary><c>.sens v(n[,ref])|i(vsrc) [dc | ac dec|oct|lin n fstart fstop]</c> (ngspice's form).</summary>
    private void SensitivityCard(NetlistLine line, TokenCursor c, IParameterScope p)
    {
        var outToken = c.Next("the output v(node), v(node,ref) or i(vsource)");
        var isCurrent = outToken.Is("i");
        if (!(isCurrent || outToken.Is("v")) || c.Peek()?.Kind != NetlistTokenKind.LeftParen)
            throw new NetlistException(outToken.Location, $".sens: expected the output v(node), v(node,ref) or i(vsource), got '{outToken.Text}'");
        c.Next("(");
        var outputToken = c.Peek();
        var output = c.Word(isCurrent ? "the voltage source" : "the output node");
        var reference = !isCurrent && c.Peek()?.Kind == NetlistTokenKind.Word ? c.Word("the reference node") : null;
        c.Expect(NetlistTokenKind.RightParen, "')' closing the output");
        if (isCurrent && _netlist.Circuit.FirstOrDefault(e => e.Name.Equals(output, StringComparison.OrdinalIgnoreCase)) is not VoltageSource)
            throw new NetlistException(outputToken!.Location, $".sens: i({output}) must name a voltage source");
        (AcSweepType, int, double, double)? sweep = null;
        if (c.TryKeyword("ac"))
        {
            var typeToken = c.Next("dec, oct or lin");
            var type = typeToken.Lower switch
            {
                "dec" => AcSweepType.Decade,
                "oct" => AcSweepType.Octave,
                "lin" => AcSweepType.Linear,
                _ => throw new NetlistException(typeToken.Location, $".sens: expected dec, oct or lin, got '{typeToken.Text}'"),
            };
            var pointsToken = c.Peek();
            var points = c.Value("number of points", p);
            if (points < 1 || points != Math.Floor(points))
                throw new NetlistException(pointsToken!.Location, $".sens: the number of points must be a whole number of at least 1, got {points}");
            var start = c.Value("start frequency", p);
            var stop = c.Value("stop frequency", p);
            CheckPoints(line, type == AcSweepType.Linear ? points : points * Math.Abs(Math.Log10(stop / start)) * (type == AcSweepType.Octave ? 1 / Math.Log10(2) : 1) + 1, "frequencies");
            sweep = (type, (int)points, start, stop);
        }
        else
        {
            c.TryKeyword("dc");
        }
        c.ExpectEnd();
        var leftOut = new List<string>();
        SensitivityParameter.Of(_netlist.Circuit, sweep is not null, leftOut);
        if (leftOut.Count > 0)
            _netlist.Warnings.Add($"{line.Location}: .sens: hwsim reports the parameters of R (without a model), C, L, V, I, E, F, G and H only; " +
                $"those of {string.Join(", ", leftOut.Take(8))}{(leftOut.Count > 8 ? $" and {leftOut.Count - 8} more" : "")} are left out");
        _netlist.Analyses.Add(new SensitivityAnalysis(output, reference, isCurrent, sweep));
    }
}
