using ContactsApi.Auth;
using ContactsApi.Contacts;
using ContactsApi.History;
using ContactsApi.Storage;
using ContactsApi.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// One store for a test class, made through the service's own <c>AddStorage</c> from settings, so
/// the tests reach a store exactly as the service does. Built on first use: a skipped class never
/// opens one.
/// </summary>
public abstract class StoreFixture : IDisposable
{
    private readonly Lazy<ServiceProvider> _services;

    protected StoreFixture() => _services = new(() =>
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    });

    protected abstract Dictionary<string, string?> Settings();

    protected IServiceProvider Services => _services.Value;

    public IUserRepository Users => _services.Value.GetRequiredService<IUserRepository>();
    public IContactRepository Contacts => _services.Value.GetRequiredService<IContactRepository>();
    public ISessionRepository Sessions => _services.Value.GetRequiredService<ISessionRepository>();
    public IContactHistory History => _services.Value.GetRequiredService<IContactHistory>();

    public virtual void Dispose()
    {
        if (_services.IsValueCreated) _services.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
