using System.Threading.RateLimiting;
using ContactsApi.Auth;
using ContactsApi.Common;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactsApi.Security;

/// <summary>
/// Contact writes, a token bucket per user (not per address: one account on many addresses is still one
/// account), so that no account can take the store's one writer for itself. The user is the one the
/// bearer check read, which is why the rate limiter runs after authorization. A request takes a token as
/// it comes; an import takes the rest of its cost from the same bucket once it knows it (<see cref="ContactWriteBuckets"/>).
/// </summary>
internal sealed class ContactWriteLimit(ContactWriteBuckets buckets) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)) context.HttpContext.Response.SetRetryAfter(wait);
        await ErrorHandling.WriteProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, RateLimits.Message);
    };

    public RateLimitPartition<string> GetPartition(HttpContext http) =>
        RateLimitPartition.Get(http.CurrentUser().Id, buckets.For);
}
