namespace Hwsim.Bridge.Evaluation;

/// <summary>A clock period too short for the circuit to settle in its compute phase: bad input (the option <c>--clock-period</c>).</summary>
public sealed class ClockPeriodException : ArgumentException
{
    public ClockPeriodException(string message) : base(message) { }
}
