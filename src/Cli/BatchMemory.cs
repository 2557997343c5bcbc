using System.Runtime;

namespace Hwsim.Cli;

/// <summary>
/// A one-shot run builds one large object graph (every token, device and matrix entry lives until the end), so
/// collections in the middle only copy it around. Reserving the expected allocation up front lets the run proceed
/// without them; when the estimate is exceeded the runtime simply resumes collecting.
/// </summary>
internal sealed class BatchMemory : IDisposable
{
    private const long Limit = 240L << 20;
    private const long Floor = 64L << 20;
    private readonly bool _active;

    private BatchMemory(bool active) { _active = active; }

    public static BatchMemory Reserve(long bytes)
    {
        try
        {
            return new BatchMemory(GC.TryStartNoGCRegion(Math.Clamp(bytes, Floor, Limit)));
        }
        catch (ArgumentOutOfRangeException)
        {
            return new BatchMemory(false);
        }
        catch (InvalidOperationException)
        {
            return new BatchMemory(false);
        }
    }

    public void Dispose()
    {
        if (!_active || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region ended on its own between the check and the call (its budget was spent, on this thread or
            // another one of the same process, as when tests run commands in parallel): nothing is left to end.
        }
    }
}
