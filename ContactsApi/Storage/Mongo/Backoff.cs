namespace ContactsApi.Storage.Mongo;

/// <summary>
/// How long to wait before trying again: twice as long after each failure, up to a cap, half of it
/// fixed and half random, so writers that lost the same race (or instances that found the server
/// down together) spread out instead of colliding again in step.
/// </summary>
internal static class Backoff
{
    /// <summary>How many times an optimistic update tries before it gives up with a 503.</summary>
    public const int UpdateAttempts = 20;

    private static readonly TimeSpan FirstUpdateWait = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LongestUpdateWait = TimeSpan.FromMilliseconds(200);

    /// <summary>The wait after failure number <paramref name="failures"/> (1 for the first).</summary>
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan longest)
    {
        var full = Math.Min(longest.Ticks, first.Ticks << Math.Min(failures - 1, 30));
        return TimeSpan.FromTicks(full / 2 + Random.Shared.NextInt64(full / 2 + 1));
    }

    /// <summary>The wait of an update that lost the race to another writer <paramref name="failures"/> times.</summary>
    public static Task AfterLostRaceAsync(int failures, CancellationToken ct) =>
        Task.Delay(Delay(failures, FirstUpdateWait, LongestUpdateWait), ct);
}
