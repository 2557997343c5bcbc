using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// A memristor as a device of the engine: the port conductance G(x) = 1 / (Ron x + Roff (1 - x)) between its two
/// nodes, its state x its own (not an unknown of the matrix). It is what the netlist reader makes of an instance of
/// <see cref="MemristorModel.ToSubcircuit"/>'s sub-circuit: the same equations, but the state advances once per
/// accepted time point (<see cref="MemristorBehavior"/>), so that while it holds (threshold dynamics read below
/// threshold) its stamp is constant and the solver never refactors its columns for it.
/// </summary>
public sealed class Memristor : Component
{
    /// <param name="name">The flattened device name (<c>x.x1.xm0_0</c> for instance <c>xm0_0</c> inside <c>x1</c>).</param>
    /// <param name="positive">Port p.</param>
    /// <param name="negative">Port n.</param>
    /// <param name="model">The model (its name is the sub-circuit's).</param>
    /// <param name="initialState">x0 in [0, 1]: the state in an operating point and at the start of a transient.</param>
    /// <param name="instancePath">
    /// The sub-circuit instance's path (<c>x1.xm0_0</c>): the state is reported as <c>v(x1.xm0_0.x)</c>, with the
    /// sub-circuit's other vectors (<c>v(x1.xm0_0.xinit)</c>, <c>i(v.x1.xm0_0.vinit)</c>), as ngspice reports them.
    /// </param>
    public Memristor(string name, string positive, string negative, MemristorModel model, double initialState, string instancePath)
        : base(name, positive, negative)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(initialState is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(initialState), $"{name}: the initial state x0 must be in [0, 1], got {initialState}");
        model.Validate();
        Model = model;
        InitialState = initialState;
        InstancePath = instancePath;
    }

    public MemristorModel Model { get; }
    public double InitialState { get; }
    public string InstancePath { get; }

    public override IEnumerable<(int A, int B)> ConductivePairs => TerminalPair;

    public override Behavior CreateBehavior(BindingContext context) => new MemristorBehavior(this, context);

    /// <summary>The instance line of the sub-circuit (which must be written with it: <see cref="MemristorModel.ToSubcircuit"/>).</summary>
    public override string ToNetlist() => $"{Name} {Nodes[0]} {Nodes[1]} {Model.Name} x0={Num(InitialState)}";
}
