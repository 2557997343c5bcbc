using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Comparison;

/// <summary>
/// What a long <c>hwsim compare</c> tells whoever watches it: which demo and level runs (run k of n), each point done,
/// and when the report is being written. The command shows it as a progress bar on a terminal, as plain lines
/// otherwise, or not at all.
/// </summary>
public interface ICompareProgress
{
    /// <summary>Run <paramref name="run"/> (1-based) of <paramref name="runs"/> starts: <paramref name="points"/> samples or steps.</summary>
    void Begin(string demo, FidelityLevel level, bool sequence, int run, int runs, int points, long totalPoints);

    /// <summary><paramref name="done"/> of the run's points are evaluated.</summary>
    void Point(int done);

    /// <summary>The files, figures and pages are being written.</summary>
    void Writing();
}
