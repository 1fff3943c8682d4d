using ContactsApi.Auth;
using ContactsApi.Health;

namespace ContactsApi.Common;

/// <summary>
/// Builds the store and the signing key when the service starts rather than at the first request,
/// so the database is created and migrated, and a bad setting stops the start, before traffic comes.
/// </summary>
public sealed class StartupChecks(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        services.GetRequiredService<IStoreHealth>();
        services.GetRequiredService<SigningKeyProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
