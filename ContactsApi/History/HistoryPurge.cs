using Microsoft.Extensions.Options;

namespace ContactsApi.History;

/// <summary>
/// Drops what has outlived <see cref="HistoryOptions.Retention"/> (the trash, earlier versions, old deletes in the
/// change log) at start and every <see cref="HistoryOptions.PurgeEvery"/>, on the injected clock, so a test moves
/// time on rather than waiting. A failed round (the store down) is logged and the next one tries again.
/// </summary>
public sealed class HistoryPurge(IContactHistory history, IOptions<HistoryOptions> options, TimeProvider time, ILogger<HistoryPurge> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeEvery, time);
        do
        {
            try
            {
                await history.ForgetBeforeAsync(options.Value.OldestKept(time.GetUtcNow().UtcDateTime), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The history purge failed; it runs again in {Interval}", options.Value.PurgeEvery);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
