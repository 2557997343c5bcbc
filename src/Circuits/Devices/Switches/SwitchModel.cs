using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary><c>.model NAME SW(vt=.. vh=.. ron=.. roff=..)</c>: threshold, hysteresis, on and off resistance (ngspice defaults: 0, 0, 1 ohm, 1/gmin).</summary>
public sealed class SwitchModel : Entity
{
    public SwitchModel(string name) : base(name) { }

    public double Threshold { get; set; }
    public double Hysteresis { get; set; }
    public double OnResistance { get; set; } = 1.0;
    /// <summary>Off resistance; null means 1/gmin as in ngspice.</summary>
    public double? OffResistance { get; set; }

    public override Behavior? CreateBehavior(BindingContext context) => null;

    /// <summary>Sets a parameter by its SPICE name; false for a name we do not know.</summary>
    public bool TrySet(string parameter, double value)
    {
        switch (parameter.ToLowerInvariant())
        {
            case "vt": Threshold = value; return true;
            case "vh": Hysteresis = value; return true;
            case "ron": OnResistance = value; return true;
            case "roff": OffResistance = value; return true;
            default: return false;
        }
    }

    public override string ToNetlist()
    {
        var s = $".model {Name} SW(vt={NetlistNumber.Format(Threshold)} vh={NetlistNumber.Format(Hysteresis)} ron={NetlistNumber.Format(OnResistance)}";
        if (OffResistance is { } roff) s += $" roff={NetlistNumber.Format(roff)}";
        return s + ")";
    }
}
