using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ContactsApi.Security;

/// <summary>
/// Behind a reverse proxy the client address comes from <c>X-Forwarded-For</c>, but only when the
/// request arrives from a proxy listed in <c>ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR). The framework's default trust of loopback is dropped:
/// otherwise any local process could pick the address the rate limits count.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>Runs first, so everything after it (rate limits, logs) sees the client's address.</summary>
    public static WebApplication UseForwardedHeadersFromConfiguration(this WebApplication app)
    {
        // With no known proxy at all the middleware would trust every sender, so it is left out.
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
        return app;
    }
}
