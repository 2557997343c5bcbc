using Hwsim.Circuits.Reference;

namespace Hwsim.Circuits.Tests.Reference;

/// <summary>
/// A theory that needs the ngspice executable: skipped with the reason "ngspice not installed" when ngspice is not on
/// PATH. CI (<c>.ci/run</c>) installs ngspice, so there these tests always run.
/// </summary>
public sealed class NgspiceTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks the theory as skipped when ngspice is not on PATH.</summary>
    public NgspiceTheoryAttribute()
    {
        if (!NgspiceRunner.IsAvailable)
        {
            Skip = NgspiceFactAttribute.MissingReason;
        }
    }
}
