using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using ContactsApi.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactsApi.Security;

/// <summary>How many requests one client address may make in any span of one window.</summary>
public sealed class RateLimitRule
{
    [Range(1, int.MaxValue)] public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; }
}

/// <summary>Per-address limits on password checks (<see cref="PasswordCheckLimit"/>) and on making accounts; per-user on contact writes.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [ValidateObjectMembers] public RateLimitRule Login { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };
    [ValidateObjectMembers] public RateLimitRule Register { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromHours(1) };

    /// <summary>Per user: a phone's whole 10,000-card book in one go, then 50 writes a second.</summary>
    [ValidateObjectMembers] public TokenBucketRule ContactWrites { get; set; } = new() { TokenLimit = 10_000, TokensPerSecond = 50 };
}

public static class RateLimits
{
    public const string RegisterPolicy = "register";
    public const string ContactWritesPolicy = "contact-writes";
    public const string Message = "Too many requests; try again later";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContactWriteBuckets>();
        services.AddSingleton<PasswordCheckLimit>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, RegisterLimit>(RegisterPolicy);
            options.AddPolicy<string, ContactWriteLimit>(ContactWritesPolicy);
        });
        return services;
    }

    /// <summary>The client's address after UseForwardedHeaders: a proxy's X-Forwarded-For counts only if that proxy is known.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Sets <c>Retry-After</c> in whole seconds, rounded up so a client that obeys it is let in.</summary>
    public static void SetRetryAfter(this HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class RegisterLimit(IOptions<RateLimitOptions> options, TimeProvider time)
        : ClientLimit(options.Value.Register, time);

    /// <summary>A <see cref="SlidingWindowLimiter"/> per client: its address, unless a subclass keys it otherwise (the user, for avatar uploads).</summary>
    internal abstract class ClientLimit(RateLimitRule rule, TimeProvider time) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
        {
            context.HttpContext.Response.SetRetryAfter(
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : rule.Window);
            await ErrorHandling.WriteProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, Message);
        };

        public RateLimitPartition<string> GetPartition(HttpContext http) =>
            RateLimitPartition.Get(ClientOf(http), _ => new SlidingWindowLimiter(rule, time));

        protected virtual string ClientOf(HttpContext http) => ClientAddress(http);
    }
}
