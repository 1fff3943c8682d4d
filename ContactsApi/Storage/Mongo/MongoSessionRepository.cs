using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Users;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// Sessions live in the database, so a logout or a revocation on one service instance holds on
/// every other instance at once. Expired ones are removed by the TTL index.
/// </summary>
public sealed class MongoSessionRepository(MongoStore store) : ISessionRepository
{
    private static readonly FilterDefinitionBuilder<SessionDocument> Filter = Builders<SessionDocument>.Filter;

    // Insert first, then check: a password change or deactivation either sees this session in its
    // revocation of all sessions, or has already written what this check reads.
    public async Task<bool> AddAsync(Session session, string verifiedPasswordHash, CancellationToken ct = default)
    {
        await store.Sessions.InsertOneAsync(SessionDocument.From(session), cancellationToken: ct);
        var users = Builders<UserDocument>.Filter;
        var unchanged = users.Eq(u => u.Id, session.UserId) & users.Eq(u => u.IsActive, true) &
                        users.Eq(u => u.PasswordHash, verifiedPasswordHash);
        if (await store.Users.Find(unchanged).AnyAsync(ct)) return true;
        await store.Sessions.DeleteOneAsync(Filter.Eq(s => s.Id, session.Id), ct);
        return false;
    }

    public async Task<User?> FindLiveUserAsync(string sessionId, string userId, DateTime now, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(sessionId) || !ObjectIds.IsValid(userId)) return null;
        var live = Filter.Eq(s => s.Id, sessionId) & Filter.Eq(s => s.UserId, userId) & Filter.Gt(s => s.ExpiresAt, now);
        if (await store.Sessions.Find(live).FirstOrDefaultAsync(ct) is null) return null;
        var user = await store.Users.Find(Builders<UserDocument>.Filter.Eq(u => u.Id, userId) & Builders<UserDocument>.Filter.Eq(u => u.IsActive, true))
            .FirstOrDefaultAsync(ct);
        return user?.ToUser();
    }

    public Task RevokeAsync(string sessionId, CancellationToken ct = default) =>
        ObjectIds.IsValid(sessionId) ? store.Sessions.DeleteOneAsync(Filter.Eq(s => s.Id, sessionId), ct) : Task.CompletedTask;

    public Task RevokeAllAsync(string userId, CancellationToken ct = default) =>
        ObjectIds.IsValid(userId) ? store.Sessions.DeleteManyAsync(Filter.Eq(s => s.UserId, userId), ct) : Task.CompletedTask;
}
