namespace Hwsim.Bridge.MonteCarlo;

/// <summary>A Monte Carlo folder that cannot be used as asked (not a shard, another study, missing samples): bad input.</summary>
public sealed class MonteCarloException : Exception
{
    public MonteCarloException(string message) : base(message) { }
}
