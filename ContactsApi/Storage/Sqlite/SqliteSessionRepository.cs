using ContactsApi.Auth;
using ContactsApi.Users;

namespace ContactsApi.Storage.Sqlite;

public sealed class SqliteSessionRepository(SqliteStore store) : ISessionRepository
{
    public Task<bool> AddAsync(Session session, string verifiedPasswordHash, CancellationToken ct = default) =>
        store.WriteAsync(async (c, tx) =>
        {
            // Expired sessions of this user go as a new one comes, so the table never grows without end.
            await c.Command("DELETE FROM sessions WHERE user_id = $user AND expires_at <= $now", tx)
                .With("$user", session.UserId).With("$now", session.CreatedAt.ToUnixMs()).ExecuteNonQueryAsync(ct);
            return await c.Command("""
                    INSERT INTO sessions (id, user_id, created_at, expires_at)
                    SELECT $id, $user, $created, $expires
                    WHERE EXISTS (SELECT 1 FROM users WHERE id = $user AND is_active = 1 AND password_hash = $hash)
                    """, tx)
                .With("$id", session.Id).With("$user", session.UserId).With("$hash", verifiedPasswordHash)
                .With("$created", session.CreatedAt.ToUnixMs()).With("$expires", session.ExpiresAt.ToUnixMs())
                .ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public Task<User?> FindLiveUserAsync(string sessionId, string userId, DateTime now, CancellationToken ct = default) =>
        store.ReadAsync(async c => (await c.Command($"""
                SELECT {SqliteUserRepository.Columns} FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.id = $session AND s.user_id = $user AND s.expires_at > $now AND u.is_active = 1
                """).With("$session", sessionId).With("$user", userId).With("$now", now.ToUnixMs())
            .ReadAsync(r => SqliteUserRepository.Read(r), ct)).SingleOrDefault(), ct);

    public Task RevokeAsync(string sessionId, CancellationToken ct = default) =>
        store.WriteAsync((c, tx) => c.Command("DELETE FROM sessions WHERE id = $id", tx).With("$id", sessionId).ExecuteNonQueryAsync(ct), ct);

    public Task RevokeAllAsync(string userId, CancellationToken ct = default) =>
        store.WriteAsync((c, tx) => c.Command("DELETE FROM sessions WHERE user_id = $user", tx).With("$user", userId).ExecuteNonQueryAsync(ct), ct);
}
