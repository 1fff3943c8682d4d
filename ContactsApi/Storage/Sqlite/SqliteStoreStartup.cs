namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// Opens the store as the service starts. The store is a singleton, made on first use, so without
/// this the file would be created (and a file from a newer release refused) only by the first
/// request, and a data folder that can't be written would surface as that request's 503.
/// </summary>
internal sealed class SqliteStoreStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        services.GetRequiredService<SqliteStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
