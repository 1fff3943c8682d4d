namespace ContactsApi.History;

public static class HistoryServiceCollectionExtensions
{
    public static IServiceCollection AddHistory(this IServiceCollection services)
    {
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SyncTokens>();
        services.AddHostedService<HistoryPurge>();
        return services;
    }
}
