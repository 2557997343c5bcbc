using Hwsim.Circuits.Reference;

namespace Hwsim.Circuits.Tests.Reference;

/// <summary>
/// A fact that needs the ngspice executable. When ngspice is not on PATH the test is reported as skipped with the
/// reason "ngspice not installed" (never silently passed). CI (<c>.ci/run</c>) installs ngspice before running the
/// tests, so there these tests always run.
/// </summary>
public sealed class NgspiceFactAttribute : FactAttribute
{
    /// <summary>The skip reason used when ngspice is missing.</summary>
    public const string MissingReason = "ngspice not installed";

    /// <summary>Marks the test as skipped when ngspice is not on PATH.</summary>
    public NgspiceFactAttribute()
    {
        if (!NgspiceRunner.IsAvailable)
        {
            Skip = MissingReason;
        }
    }
}
