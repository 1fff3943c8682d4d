using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ContactsApi.Common;
using Microsoft.Extensions.Options;

namespace ContactsApi.Security;

/// <summary>
/// The users' contact-write buckets (<see cref="RateLimitOptions.ContactWrites"/>), one a user: the rate
/// limiter takes a token from one for every write request, and an import, whose cost is known only once
/// its cards are read, takes the rest from the same one. A bucket lives as long as the rate limiter keeps
/// it: dropped there once idle (full again), it is dropped here too.
/// </summary>
public sealed class ContactWriteBuckets(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ClockedTokenBucket> _buckets = new();

    /// <summary>The most tokens one request can take: the bucket's size.</summary>
    public int Capacity => options.Value.ContactWrites.TokenLimit;

    public RateLimiter For(string user) => _buckets.GetOrAdd(user, New);

    /// <summary>
    /// Takes <paramref name="tokens"/> more from the user's bucket; null when it had them, else the refusal (429)
    /// and how long until it will have them, for the Retry-After of the answer.
    /// </summary>
    public (Refusal? Refusal, TimeSpan? RetryAfter) Take(string user, int tokens)
    {
        if (tokens <= 0) return (null, null);
        using var lease = For(user).AttemptAcquire(Math.Min(tokens, Capacity));
        if (lease.IsAcquired) return (null, null);
        return (new Refusal(StatusCodes.Status429TooManyRequests, RateLimits.Message),
            lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null);
    }

    private ClockedTokenBucket New(string user)
    {
        ClockedTokenBucket? bucket = null;
        bucket = new ClockedTokenBucket(options.Value.ContactWrites, time,
            // Only this bucket: a newer one may already stand in its place.
            () => _buckets.TryRemove(KeyValuePair.Create(user, bucket!)));
        return bucket;
    }
}
