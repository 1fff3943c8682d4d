using ContactsApi.AppPasswords;
using ContactsApi.Auth;
using ContactsApi.Contacts;
using ContactsApi.Health;
using ContactsApi.History;
using ContactsApi.Users;

namespace ContactsApi.Storage.Mongo;

public static class MongoServiceCollectionExtensions
{
    public static IServiceCollection AddMongoStorage(this IServiceCollection services)
    {
        services.AddSingleton<MongoStore>();
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<MongoStore>());
        services.AddSingleton<IUserRepository, MongoUserRepository>();
        services.AddSingleton<MongoContactRepository>();
        services.AddSingleton<IContactRepository>(sp => sp.GetRequiredService<MongoContactRepository>());
        services.AddSingleton<IContactHistory, MongoContactHistory>();
        services.AddSingleton<ISessionRepository, MongoSessionRepository>();
        services.AddSingleton<IAppPasswordRepository, MongoAppPasswordRepository>();
        services.AddHostedService<MongoIndexBuilder>();
        return services;
    }
}
