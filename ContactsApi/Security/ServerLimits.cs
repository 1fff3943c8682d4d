namespace ContactsApi.Security;

/// <summary>
/// Kestrel's bounds on connections, from <c>Kestrel:Limits</c>: the framework's own section and names
/// (any of <c>KestrelServerLimits</c>' settings may be given there), which Kestrel does not read by itself
/// when the host starts it, so it is bound here over the defaults below. An idle connection costs about
/// 30 KB (20,000 of them took the service from 147 to 754 MB), so the connection limit bounds that memory
/// whatever a client opens, and the keep-alive timeout frees an idle connection's place.
/// </summary>
public static class ServerLimits
{
    /// <summary>About 150 MB of idle connections at most; far more than one machine's clients keep open.</summary>
    public const long MaxConcurrentConnections = 5_000;

    /// <summary>The service upgrades no connection (no WebSockets), so none may stay open as one.</summary>
    public const long MaxConcurrentUpgradedConnections = 0;

    /// <summary>
    /// Longer than the 60 s idle timeout of common proxies and load balancers, so one never reuses a
    /// connection the service has just closed; shorter than Kestrel's 130 s.
    /// </summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(75);

    /// <summary>Time to send a request's headers once it has begun; Kestrel's default is 30 s.</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(15);

    public static WebApplicationBuilder ConfigureServerLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // No "Server: Kestrel": it tells an attacker what to try, and the middleware can't remove it.
            kestrel.AddServerHeader = false;
            var limits = kestrel.Limits;
            limits.MaxConcurrentConnections = MaxConcurrentConnections;
            limits.MaxConcurrentUpgradedConnections = MaxConcurrentUpgradedConnections;
            limits.KeepAliveTimeout = KeepAliveTimeout;
            limits.RequestHeadersTimeout = RequestHeadersTimeout;
            context.Configuration.GetSection("Kestrel:Limits").Bind(limits);
            // The body limit is the service's own, per endpoint (RequestSizeLimits), whatever is configured.
            limits.MaxRequestBodySize = Common.RequestSizeLimits.DefaultMaxBytes;
        });
        return builder;
    }
}
