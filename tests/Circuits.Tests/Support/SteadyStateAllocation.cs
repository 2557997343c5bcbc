namespace Hwsim.Circuits.Tests.Support;

/// <summary>
/// Measures the managed bytes a piece of code allocates once it runs in steady state. The runtime itself may
/// allocate on the calling thread now and then (tiered JIT promotion, on-stack replacement, call-counting
/// completion), so the body is warmed up and then measured over several rounds; the fewest bytes any round
/// allocated is the answer. Code that allocates on every run shows up in every round and cannot hide.
/// </summary>
public static class SteadyStateAllocation
{
    public static long Bytes(Action body, int warmUpRounds = 3, int rounds = 5)
    {
        for (var k = 0; k < warmUpRounds; k++) body();
        var fewest = long.MaxValue;
        for (var k = 0; k < rounds; k++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            body();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}
