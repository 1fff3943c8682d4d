namespace ContactsApi.Common;

public static class GracefulShutdown
{
    /// <summary>
    /// On SIGTERM the server stops taking connections and lets requests in flight finish for up to
    /// <c>ShutdownTimeout</c> (30 s by default) before the process exits, so a deploy drops no write.
    /// </summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<HostOptions>().Configure<IConfiguration>((options, configuration) =>
            options.ShutdownTimeout = configuration.GetValue("ShutdownTimeout", TimeSpan.FromSeconds(30)));
        return services;
    }
}
