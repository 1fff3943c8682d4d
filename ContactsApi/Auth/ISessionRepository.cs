using ContactsApi.Users;

namespace ContactsApi.Auth;

public interface ISessionRepository
{
    /// <summary>
    /// Adds the session only while its user is active and still has <paramref name="verifiedPasswordHash"/>,
    /// the hash the login just checked, so a password change or deactivation that lands between the
    /// check and this write (and so before its revocation of every session) can't leave a session on
    /// the old password. False, and nothing added, otherwise.
    /// </summary>
    Task<bool> AddAsync(Session session, string verifiedPasswordHash, CancellationToken ct = default);

    /// <summary>
    /// The user behind a live session: the session exists, has not expired, belongs to
    /// <paramref name="userId"/>, and that user exists and is active. Null otherwise.
    /// </summary>
    Task<User?> FindLiveUserAsync(string sessionId, string userId, DateTime now, CancellationToken ct = default);

    Task RevokeAsync(string sessionId, CancellationToken ct = default);

    Task RevokeAllAsync(string userId, CancellationToken ct = default);
}
