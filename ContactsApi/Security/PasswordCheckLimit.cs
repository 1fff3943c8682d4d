using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactsApi.Security;

/// <summary>
/// The per-address limit of password checks (<c>RateLimits:Login</c>), one count for every way a password
/// is checked: the login's and CardDAV's Basic sign-in. With a count for each, one address would get the
/// rule's allowance of guesses on each path.
/// </summary>
public sealed class PasswordCheckLimit(IOptions<RateLimitOptions> limits, TimeProvider time) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _checks = PartitionedRateLimiter.Create<string, string>(
        client => RateLimitPartition.Get(client, _ => new SlidingWindowLimiter(limits.Value.Login, time)));

    /// <summary>Null when this address may have a password checked now; otherwise how long it must wait.</summary>
    public TimeSpan? WaitFor(string client)
    {
        using var lease = _checks.AttemptAcquire(client);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Value.Login.Window;
    }

    public void Dispose() => _checks.Dispose();
}
