using ContactsApi.Auth;
using ContactsApi.Contacts;
using ContactsApi.Health;
using ContactsApi.Users;

namespace ContactsApi.Storage.Mongo;

public static class MongoServiceCollectionExtensions
{
    public static IServiceCollection AddMongoStorage(this IServiceCollection services)
    {
        services.AddSingleton<MongoStore>();
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<MongoStore>());
        services.AddSingleton<IUserRepository, MongoUserRepository>();
        services.AddSingleton<IContactRepository, MongoContactRepository>();
        services.AddSingleton<ISessionRepository, MongoSessionRepository>();
        services.AddHostedService<MongoIndexBuilder>();
        return services;
    }
}
