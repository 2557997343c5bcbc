using Hwsim.Verification;

namespace Hwsim.TestSupport;

/// <summary>
/// A theory that needs ngspice 39: skipped with the reason in one line when ngspice is missing or another version
/// (see <see cref="NgspiceFactAttribute"/>). CI (<c>.ci/run</c>) installs ngspice 39, so there these tests always run.
/// </summary>
public sealed class NgspiceTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks the theory as skipped when the ngspice on PATH cannot serve as the reference.</summary>
    public NgspiceTheoryAttribute()
    {
        if (NgspiceRunner.ReferenceProblem is { } problem)
        {
            Skip = problem;
        }
    }
}
