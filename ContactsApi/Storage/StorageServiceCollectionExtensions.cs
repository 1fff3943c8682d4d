using ContactsApi.AppPasswords;
using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Health;
using ContactsApi.History;
using ContactsApi.Storage.Mongo;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Users;
using Microsoft.Extensions.Options;

namespace ContactsApi.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<StorageOptions>, StoragePaths>();
        // Here, not with the contacts API: every store enforces it, also under the data import.
        services.AddOptions<ContactLimitOptions>().BindConfiguration(ContactLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Created and migrated (or a bad setting refused) before traffic comes.
        services.BuildAtStart<IStoreHealth>();
        // Both stores order names and emails by it; a locale ICU doesn't know stops the start (ContactCollation).
        services.AddOptions<CollationOptions>().BindConfiguration(CollationOptions.Section);
        services.AddSingleton<ContactCollation>();
        var provider = configuration[$"{StorageOptions.Section}:Provider"] ?? "Sqlite";
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                services.AddSingleton<SqliteStore>();
                services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<SqliteStore>());
                services.AddSingleton<IUserRepository, SqliteUserRepository>();
                services.AddSingleton<IContactRepository, SqliteContactRepository>();
                services.AddSingleton<IContactHistory, SqliteContactHistory>();
                services.AddSingleton<ISessionRepository, SqliteSessionRepository>();
                services.AddSingleton<IAppPasswordRepository, SqliteAppPasswordRepository>();
                break;
            case "mongo":
                services.AddMongoStorage();
                break;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{provider}' is not known; use Sqlite (the default) or Mongo.");
        }
        return services;
    }
}
