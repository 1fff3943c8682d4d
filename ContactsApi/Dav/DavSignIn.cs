using System.Security.Cryptography;
using System.Text;
using ContactsApi.AppPasswords;
using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Security;
using ContactsApi.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContactsApi.Dav;

/// <summary>What a CardDAV sign-in came to: the user, or the refusal (401, or 429 with how long to wait).</summary>
public sealed record DavSignInResult(User? User, Refusal? Refusal, TimeSpan? RetryAfter = null);

/// <summary>
/// HTTP Basic sign-in for CardDAV: the account's email and one of its app passwords, never the account
/// password. The login's protections apply: the per-account lockout (shared with the login, so guesses
/// here and there count together) and the per-address limit of password checks (one count with the login's: <see cref="PasswordCheckLimit"/>).
/// A DAV client sends its password with every request and the hash costs ~100 ms by design, so a
/// password that checked out is remembered for a while by a keyed fingerprint; every request still
/// reads the user's app passwords, so a revoked one is refused at once, on every instance.
/// </summary>
public sealed class DavSignIn(
    IUserRepository users,
    IAppPasswordRepository appPasswords,
    IPasswordHasher<User> hasher,
    UnknownUserPassword unknownUser,
    IOptions<AccountLockoutOptions> lockout,
    PasswordCheckLimit checks,
    TimeProvider time) : IDisposable
{
    public const string WrongSignIn = "Email or app password is wrong";
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(15);

    // A key of this process's own: the fingerprints in memory can't be checked against guesses elsewhere.
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly MemoryCache _checked = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task<DavSignInResult> SignInAsync(string email, string password, string client, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(EmailAddress.Normalize(email), ct);
        var now = time.UtcNow();
        if (user?.LockoutEnd > now)
            return new(null, new Refusal(StatusCodes.Status429TooManyRequests, AccountLockoutOptions.Message), user.LockoutEnd.Value - now);
        var stored = user is null ? [] : await appPasswords.ListAsync(user.Id, ct);

        var fingerprint = Fingerprint(user?.Id ?? "", password);
        if (user is { IsActive: true } && _checked.TryGetValue(fingerprint, out string? hash) && stored.Any(p => p.Hash == hash))
            return new(user, null);

        if (checks.WaitFor(client) is { } wait)
            return new(null, new Refusal(StatusCodes.Status429TooManyRequests, RateLimits.Message), wait);

        var match = stored.FirstOrDefault(p => hasher.VerifyHashedPassword(user!, p.Hash, password) != PasswordVerificationResult.Failed);
        // An unknown email, or a user without app passwords, costs one hash as a wrong password does: timing tells nobody which exist.
        if (stored.Count == 0) hasher.VerifyHashedPassword(null!, unknownUser.Hash, password);
        if (user is not null && match is null)
            await users.RecordFailedLoginAsync(user.Id, lockout.Value.MaxFailedAttempts, now + lockout.Value.Duration, ct);
        if (user is null || !user.IsActive || match is null) return new(null, new Refusal(StatusCodes.Status401Unauthorized, WrongSignIn));
        if (user.FailedLogins > 0 || user.LockoutEnd is not null) await users.ResetFailedLoginsAsync(user.Id, ct);

        _checked.Set(fingerprint, match.Hash, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
        return new(user, null);
    }

    private string Fingerprint(string userId, string password) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId + "\n" + password)));

    public void Dispose() => _checked.Dispose();
}
