using System.Threading.RateLimiting;

namespace ContactsApi.Security;

/// <summary>
/// At most <see cref="RateLimitRule.PermitLimit"/> permits in any span of <see cref="RateLimitRule.Window"/>:
/// the limiter keeps the time of each permit it gave in the last window (a sliding log) and gives
/// another only while fewer than the limit are that recent. A fixed window resets at clock-aligned
/// edges, so a client could take one window's permits at its end and the next window's at once
/// (20 password checks in 4 s); here no span of a window ever holds more than the limit.
/// Time is read from <see cref="TimeProvider"/>, so a test moves it instead of waiting. Memory is
/// one timestamp per permit given in the last window, so at most the limit.
/// </summary>
internal sealed class SlidingWindowLimiter : RateLimiter
{
    private readonly RateLimitRule _rule;
    private readonly TimeProvider _time;
    private readonly Queue<long> _given = new();
    private long _freeSince;
    private long _totalGiven;
    private long _totalRefused;

    public SlidingWindowLimiter(RateLimitRule rule, TimeProvider time)
    {
        _rule = rule;
        _time = time;
        _freeSince = Now();
    }

    /// <summary>How long every permit has been free, so the partitioned limiter can drop an idle client's limiter.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_given)
            {
                var now = Now();
                Forget(now);
                return _given.Count == 0 ? TimeSpan.FromTicks(now - _freeSince) : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_given)
        {
            Forget(Now());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _rule.PermitLimit - _given.Count,
                TotalSuccessfulLeases = _totalGiven,
                TotalFailedLeases = _totalRefused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _rule.PermitLimit);
        // A count of 0 asks whether a permit is left, without taking it.
        var needed = Math.Max(permitCount, 1);
        lock (_given)
        {
            var now = Now();
            Forget(now);
            if (_given.Count + needed > _rule.PermitLimit)
            {
                _totalRefused++;
                // Free again once enough of the oldest permits have left the window.
                var freedAt = _given.ElementAt(_given.Count + needed - _rule.PermitLimit - 1) + _rule.Window.Ticks;
                return new Lease(false, TimeSpan.FromTicks(freedAt - now));
            }
            for (var i = 0; i < permitCount; i++) _given.Enqueue(now);
            if (permitCount > 0) _freeSince = now + _rule.Window.Ticks;
            _totalGiven++;
            return new Lease(true, null);
        }
    }

    // Nothing waits: a request over the limit is answered at once (429 with Retry-After).
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private long Now() => _time.GetUtcNow().UtcTicks;

    /// <summary>Drops the permits given a whole window ago or earlier.</summary>
    private void Forget(long now)
    {
        while (_given.Count > 0 && _given.Peek() <= now - _rule.Window.Ticks) _given.Dequeue();
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
