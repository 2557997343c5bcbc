using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>Finds the branch current unknown an F or H source is controlled by.</summary>
internal static class ControlledSourceLookup
{
    public static int Branch(SetupContext context, string device, string controllingSource)
    {
        if (context.Unknowns.TryGetBranch(controllingSource.ToLowerInvariant(), out var branch)) return branch;
        throw new CircuitException(
            $"{device}: controlling source {controllingSource} is not defined (or has no branch current: use a voltage source)", device);
    }
}
