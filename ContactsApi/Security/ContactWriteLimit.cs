using System.Threading.RateLimiting;
using ContactsApi.Auth;
using ContactsApi.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactsApi.Security;

/// <summary>
/// Contact writes, a token bucket per user (not per address: one account on many addresses is still one
/// account), so that no account can take the store's one writer for itself. The user is the one the
/// bearer check read, which is why the rate limiter runs after authorization.
/// </summary>
internal sealed class ContactWriteLimit(IOptions<RateLimitOptions> options, TimeProvider time) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)) context.HttpContext.Response.SetRetryAfter(wait);
        await ErrorHandling.WriteProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, RateLimits.Message);
    };

    public RateLimitPartition<string> GetPartition(HttpContext http) =>
        RateLimitPartition.Get(http.CurrentUser().Id, _ => new ClockedTokenBucket(options.Value.ContactWrites, time));
}
