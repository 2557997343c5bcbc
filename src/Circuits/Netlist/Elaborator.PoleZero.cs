using Hwsim.Circuits.Analyses;

namespace Hwsim.Circuits.Netlist;

internal sealed partial class Elaborator
{
    /// <summary><c>.pz in+ in- out+ out- vol|cur pol|zer|pz</c> (ngspice's form).</summary>
    private void PoleZeroCard(TokenCursor c)
    {
        var inPositive = c.Word("the input node +");
        var inNegative = c.Word("the input node -");
        var outPositive = c.Word("the output node +");
        var outNegative = c.Word("the output node -");
        var inputToken = c.Next("vol or cur");
        var voltage = inputToken.Lower switch
        {
            "vol" => true,
            "cur" => false,
            _ => throw new NetlistException(inputToken.Location, $".pz: expected vol or cur, got '{inputToken.Text}'"),
        };
        var whatToken = c.Next("pol, zer or pz");
        var what = whatToken.Lower switch
        {
            "pol" => PoleZeroKind.Poles,
            "zer" => PoleZeroKind.Zeros,
            "pz" => PoleZeroKind.Both,
            _ => throw new NetlistException(whatToken.Location, $".pz: expected pol, zer or pz, got '{whatToken.Text}'"),
        };
        c.ExpectEnd();
        _netlist.Analyses.Add(new PoleZeroAnalysis(inPositive, inNegative, outPositive, outNegative, voltage, what));
    }
}
