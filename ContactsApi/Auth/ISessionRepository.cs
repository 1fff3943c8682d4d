using ContactsApi.Users;

namespace ContactsApi.Auth;

public interface ISessionRepository
{
    Task AddAsync(Session session, CancellationToken ct = default);

    /// <summary>
    /// The user behind a live session: the session exists, has not expired, belongs to
    /// <paramref name="userId"/>, and that user exists and is active. Null otherwise.
    /// </summary>
    Task<User?> FindLiveUserAsync(string sessionId, string userId, DateTime now, CancellationToken ct = default);

    Task RevokeAsync(string sessionId, CancellationToken ct = default);

    Task RevokeAllAsync(string userId, CancellationToken ct = default);
}
