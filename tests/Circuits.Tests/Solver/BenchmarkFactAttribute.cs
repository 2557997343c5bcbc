namespace Hwsim.Circuits.Tests.Solver;

/// <summary>
/// A fact that only runs when the environment variable <c>HWSIM_BENCHMARK</c> is 1 (timings mean something only in
/// Release, and they would slow the ordinary test run): <c>HWSIM_BENCHMARK=1 dotnet test tests/Circuits.Tests -c Release
/// --filter Category=Benchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("HWSIM_BENCHMARK") != "1")
        {
            Skip = "Benchmark: set HWSIM_BENCHMARK=1 and run in Release.";
        }
    }
}
