using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Devices;

namespace Hwsim.Circuits.Netlist;

internal sealed partial class Elaborator
{
    /// <summary><c>.tf v(n[,ref])|i(vsrc) insrc</c> (ngspice's form).</summary>
    private void TransferFunctionCard(TokenCursor c)
    {
        var outToken = c.Next("the output v(node), v(node,ref) or i(vsource)");
        var isCurrent = outToken.Is("i");
        if (!(isCurrent || outToken.Is("v")) || c.Peek()?.Kind != NetlistTokenKind.LeftParen)
            throw new NetlistException(outToken.Location, $".tf: expected the output v(node), v(node,ref) or i(vsource), got '{outToken.Text}'");
        c.Next("(");
        var outputToken = c.Peek();
        var output = c.Word(isCurrent ? "the voltage source" : "the output node");
        var reference = !isCurrent && c.Peek()?.Kind == NetlistTokenKind.Word ? c.Word("the reference node") : null;
        c.Expect(NetlistTokenKind.RightParen, "')' closing the output");
        if (isCurrent && Find(output) is not VoltageSource)
            throw new NetlistException(outputToken!.Location, $".tf: i({output}) must name a voltage source");
        var inputToken = c.Peek();
        var input = c.Word("the input source");
        if (Find(input) is not IndependentSource)
            throw new NetlistException(inputToken!.Location, $".tf: the input {input} must name an independent voltage or current source");
        c.ExpectEnd();
        _netlist.Analyses.Add(new TransferFunctionAnalysis(output, reference, isCurrent, input));
    }

    private Entity? Find(string name) => _netlist.Circuit.FirstOrDefault(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
