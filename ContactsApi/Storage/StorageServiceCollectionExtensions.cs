using ContactsApi.Auth;
using ContactsApi.Contacts;
using ContactsApi.Health;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Users;

namespace ContactsApi.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Here, not with the contacts API: every store enforces it, also under the data import.
        services.AddOptions<ContactLimitOptions>().BindConfiguration(ContactLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var provider = configuration[$"{StorageOptions.Section}:Provider"] ?? "Sqlite";
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                services.AddSingleton<SqliteStore>();
                services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<SqliteStore>());
                services.AddSingleton<IUserRepository, SqliteUserRepository>();
                services.AddSingleton<IContactRepository, SqliteContactRepository>();
                services.AddSingleton<ISessionRepository, SqliteSessionRepository>();
                break;
            case "mongo":
#if MONGODB
                services.AddMongoStorage();
                break;
#else
                throw new InvalidOperationException(
                    "Storage:Provider is Mongo, but this build has no MongoDB store. Build it with " +
                    "`dotnet build -p:MongoDb=true` (or `dotnet run --property:MongoDb=true`, or the Dockerfile, which does), " +
                    "from a package source that serves MongoDB.Driver 3.11.0.");
#endif
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{provider}' is not known; use Sqlite (the default) or Mongo.");
        }
        return services;
    }
}
