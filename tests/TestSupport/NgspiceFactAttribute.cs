using Hwsim.Verification;

namespace Hwsim.TestSupport;

/// <summary>
/// A fact that needs ngspice 39, the reference the engine reproduces. Skipped, with the reason in one line, when
/// ngspice is not on PATH ("ngspice not found: install it ...") or is another version ("ngspice 42 found at ...,
/// but the engine reproduces ngspice 39 ..."): never silently passed, never compared against a different engine.
/// CI (<c>.ci/run</c>) installs Debian 12's ngspice 39 before running the tests, so there these tests always run.
/// </summary>
public sealed class NgspiceFactAttribute : FactAttribute
{
    /// <summary>Marks the test as skipped when the ngspice on PATH cannot serve as the reference.</summary>
    public NgspiceFactAttribute()
    {
        if (NgspiceRunner.ReferenceProblem is { } problem)
        {
            Skip = problem;
        }
    }
}
