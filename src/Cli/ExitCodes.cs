namespace Hwsim.Cli;

/// <summary>The exit codes every hwsim command keeps: a contract with scripts and CI.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int SimulationFailure = 1;
    public const int BadInput = 2;
}
