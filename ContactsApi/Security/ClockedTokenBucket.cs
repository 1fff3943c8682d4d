using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace ContactsApi.Security;

/// <summary>A token bucket: bursts of up to <see cref="TokenLimit"/> requests, then <see cref="TokensPerSecond"/>.</summary>
public sealed class TokenBucketRule
{
    [Range(1, int.MaxValue)] public int TokenLimit { get; set; }

    [Range(1, int.MaxValue)] public int TokensPerSecond { get; set; }
}

/// <summary>
/// A token bucket on <see cref="TimeProvider"/>: it holds up to the rule's limit, each request takes a
/// token, and tokens flow back continuously, so there is no window boundary to burst across. The stock
/// TokenBucketRateLimiter reads the machine's clock on a timer (dotnet/runtime#106447): a test could only
/// wait for it, where this one moves the clock. No queue: a request without a token is refused at once.
/// <paramref name="disposed"/> is told when the rate limiter drops the bucket (idle, so full).
/// </summary>
internal sealed class ClockedTokenBucket(TokenBucketRule rule, TimeProvider time, Action? disposed = null) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly Lock _lock = new();
    private double _tokens = rule.TokenLimit;
    private DateTimeOffset _at = time.GetUtcNow();

    /// <summary>How long the bucket has been full: the partitioned limiter drops a bucket idle that long.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var fullSince = _at + TimeSpan.FromSeconds((rule.TokenLimit - _tokens) / rule.TokensPerSecond);
                var now = time.GetUtcNow();
                return now >= fullSince ? now - fullSince : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, rule.TokenLimit);
        lock (_lock)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                return Granted;
            }
            return new Lease(false, TimeSpan.FromSeconds((permitCount - _tokens) / rule.TokensPerSecond));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    // Also from DisposeAsync, which calls Dispose(false): the bucket has no finalizer, so false never means one.
    protected override void Dispose(bool disposing)
    {
        disposed?.Invoke();
        base.Dispose(disposing);
    }

    private void Refill()
    {
        var now = time.GetUtcNow();
        // A clock set back refills nothing, rather than taking tokens away.
        var elapsed = Math.Max(0, (now - _at).TotalSeconds);
        _tokens = Math.Min(rule.TokenLimit, _tokens + elapsed * rule.TokensPerSecond);
        _at = now;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
