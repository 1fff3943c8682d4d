using ContactsApi.Health;

namespace ContactsApi.Storage;

/// <summary>
/// Builds the store as the service starts rather than at the first request, so the database is
/// created and migrated (or a bad setting stops the start) before traffic comes.
/// </summary>
internal sealed class StoreAtStart(IStoreHealth store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = store;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
