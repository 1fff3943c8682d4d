using System.Collections.Concurrent;
using ContactsApi.AppPasswords;
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
    private readonly ConcurrentDictionary<string, Lazy<ServiceProvider>> _collated = new();

    protected StoreFixture() => _services = new(() => Build(Settings()));

    /// <summary>The store's settings; with <c>Contacts:Collation</c> unset, the default collation (uk).</summary>
    protected abstract Dictionary<string, string?> Settings();

    /// <summary>The settings of another store of the same kind, apart from this one, with <paramref name="collation"/>.</summary>
    protected abstract Dictionary<string, string?> SettingsCollatedBy(string collation);

    protected IServiceProvider Services => _services.Value;

    public IUserRepository Users => _services.Value.GetRequiredService<IUserRepository>();
    public IContactRepository Contacts => _services.Value.GetRequiredService<IContactRepository>();
    public ISessionRepository Sessions => _services.Value.GetRequiredService<ISessionRepository>();
    public IContactHistory History => _services.Value.GetRequiredService<IContactHistory>();

    /// <summary>The contacts of a second store, of this kind, whose names sort by <paramref name="collation"/>.</summary>
    public IContactRepository ContactsCollatedBy(string collation) =>
        _collated.GetOrAdd(collation, c => new Lazy<ServiceProvider>(() => Build(SettingsCollatedBy(c)))).Value
            .GetRequiredService<IContactRepository>();
    public IAppPasswordRepository AppPasswords => _services.Value.GetRequiredService<IAppPasswordRepository>();

    public virtual void Dispose()
    {
        if (_services.IsValueCreated) _services.Value.Dispose();
        foreach (var other in _collated.Values.Where(o => o.IsValueCreated)) other.Value.Dispose();
        GC.SuppressFinalize(this);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }
}
