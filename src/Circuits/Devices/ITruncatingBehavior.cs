using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>Limits the next time step (local truncation error of charges, or a device's own rule): SPICE's DEVtrunc.</summary>
public interface ITruncatingBehavior
{
    /// <summary>Returns the largest acceptable step, never more than <paramref name="timeStep"/>.</summary>
    double Truncate(SimulationState state, double timeStep);
}
