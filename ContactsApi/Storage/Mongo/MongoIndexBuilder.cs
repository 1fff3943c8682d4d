namespace ContactsApi.Storage.Mongo;

/// <summary>
/// Creates the indexes in the background, then folds older documents' search text (<see cref="MongoSearchText"/>)
/// and logs the contacts stored before the change log (<see cref="MongoContactLog.BackfillAsync"/>), trying again
/// with growing waits until the server answers, so a service started while MongoDB is down still starts, serves
/// 503 meanwhile, and is complete once the server is back, with nobody restarting it.
/// </summary>
internal sealed class MongoIndexBuilder(MongoStore store, ILogger<MongoIndexBuilder> log) : BackgroundService
{
    internal static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        for (var failures = 0; ; failures++)
        {
            try
            {
                await store.EnsureIndexesAsync(stopping);
                log.LogInformation("The MongoDB indexes are in place");
                await MongoSearchText.RefoldAsync(store, log, stopping);
                await MongoContactLog.BackfillAsync(store, stopping);
                return;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                var wait = Backoff.Delay(failures + 1, FirstWait, LongestWait);
                // The message says why (server selection timed out, an index conflicts); no stack, it repeats.
                log.LogWarning("Could not create the MongoDB indexes (attempt {Attempt}): {Reason}. Trying again in {Wait:0.0} s",
                    failures + 1, e.Message, wait.TotalSeconds);
                await Task.Delay(wait, stopping);
            }
        }
    }
}
