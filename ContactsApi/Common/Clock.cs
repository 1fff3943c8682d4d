namespace ContactsApi.Common;

public static class Clock
{
    /// <summary>
    /// Now, truncated to whole milliseconds: the precision the API prints and both stores keep, so
    /// a value read back equals the value written.
    /// </summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
