namespace ContactsApi.Common;

public static class CorsSetup
{
    /// <summary>
    /// Origins from <c>Cors:Origins</c>. Tokens travel in a header, not cookies, so credentials are
    /// never allowed, and a wildcard origin can't be combined with them.
    /// </summary>
    public static IServiceCollection AddCorsFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(origins);
            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location", "Retry-After");
        }));
        return services;
    }
}
