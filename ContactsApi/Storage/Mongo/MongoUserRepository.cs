using ContactsApi.Common;
using ContactsApi.Users;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

public sealed class MongoUserRepository(MongoStore store) : IUserRepository
{
    private static readonly FilterDefinitionBuilder<UserDocument> Filter = Builders<UserDocument>.Filter;

    public async Task<UserWrite> AddAsync(User user, CancellationToken ct = default)
    {
        try
        {
            await store.Users.InsertOneAsync(UserDocument.From(user), cancellationToken: ct);
            return UserWrite.Done;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return UserWrite.EmailInUse;
        }
    }

    public async Task<User?> FindByIdAsync(string id, CancellationToken ct = default) =>
        ObjectIds.IsValid(id) ? (await store.Users.Find(ById(id)).FirstOrDefaultAsync(ct))?.ToUser() : null;

    public async Task<User?> FindByEmailAsync(string email, CancellationToken ct = default) =>
        (await store.Users.Find(Filter.Eq(u => u.Email, EmailAddress.Normalize(email))).FirstOrDefaultAsync(ct))?.ToUser();

    public async Task<(UserWrite Result, User? User)> UpdateAsync(string id, Func<User, User> change, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(id)) return (UserWrite.NotFound, null);
        for (var attempt = 0; attempt < MongoStore.UpdateAttempts; attempt++)
        {
            var stored = await store.Users.Find(ById(id)).FirstOrDefaultAsync(ct);
            if (stored is null) return (UserWrite.NotFound, null);
            var updated = change.ApplyTo(stored.ToUser());
            try
            {
                // Optimistic concurrency: the write lands only if every field it writes still holds the
                // value read; otherwise read again and re-apply the change to what the other writer left.
                var result = await store.Users.UpdateOneAsync(Unchanged(stored), Written(UserDocument.From(updated)), cancellationToken: ct);
                if (result.MatchedCount == 1) return (UserWrite.Done, updated);
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                return (UserWrite.EmailInUse, null);
            }
        }
        throw new StoreUnavailableException($"User {id} changed under {MongoStore.UpdateAttempts} updates in a row");
    }

    public async Task RecordFailedLoginAsync(string id, int maxFailures, DateTime lockoutEnd, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(id)) return;
        // $inc counts every failure, however many arrive at once; the one that reaches the limit turns
        // the count into a lockout, and the filter lets only one of several such failures do it.
        var counted = await store.Users.FindOneAndUpdateAsync(ById(id), Builders<UserDocument>.Update.Inc(u => u.FailedLogins, 1),
            new FindOneAndUpdateOptions<UserDocument> { ReturnDocument = ReturnDocument.After }, ct);
        if (counted is null || counted.FailedLogins < maxFailures) return;
        await store.Users.UpdateOneAsync(Filter.And(ById(id), Filter.Gte(u => u.FailedLogins, maxFailures)),
            Builders<UserDocument>.Update.Set(u => u.FailedLogins, 0).Set(u => u.LockoutEnd, (DateTime?)lockoutEnd), cancellationToken: ct);
    }

    public async Task ResetFailedLoginsAsync(string id, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(id)) return;
        await store.Users.UpdateOneAsync(ById(id),
            Builders<UserDocument>.Update.Set(u => u.FailedLogins, 0).Set(u => u.LockoutEnd, (DateTime?)null), cancellationToken: ct);
    }

    public async Task<(IReadOnlyList<User> Users, long Total)> ListAsync(int skip, int limit, CancellationToken ct = default)
    {
        var total = await store.Users.CountDocumentsAsync(Filter.Empty, cancellationToken: ct);
        var page = await store.Users.Find(Filter.Empty)
            .Sort(Builders<UserDocument>.Sort.Ascending(u => u.CreatedAt).Ascending(u => u.Id))
            .Skip(skip).Limit(limit).ToListAsync(ct);
        return (page.Select(u => u.ToUser()).ToList(), total);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(id)) return false;
        // No transaction: each step is idempotent and the user goes last, so a crash halfway leaves
        // a user that a repeat of this call finishes deleting, never contacts without an owner.
        await store.Sessions.DeleteManyAsync(Builders<SessionDocument>.Filter.Eq(s => s.UserId, id), ct);
        await store.Contacts.DeleteManyAsync(Builders<ContactDocument>.Filter.Eq(c => c.Owner, id), ct);
        return (await store.Users.DeleteOneAsync(ById(id), ct)).DeletedCount == 1;
    }

    private static FilterDefinition<UserDocument> ById(string id) => Filter.Eq(u => u.Id, id);

    // The fields an update writes: every one but the id, the creation time and the failed-login count
    // and lockout, which only their own methods write, so an update can't undo a failure counted since
    // its read, and a failure counted meanwhile doesn't make an update read again.

    private static FilterDefinition<UserDocument> Unchanged(UserDocument d) =>
        ById(d.Id) & Filter.Eq(u => u.Email, d.Email) & Filter.Eq(u => u.Name, d.Name)
        & Filter.Eq(u => u.PasswordHash, d.PasswordHash) & Filter.Eq(u => u.Subscription, d.Subscription)
        & Filter.Eq(u => u.AvatarUrl, d.AvatarUrl) & Filter.Eq(u => u.IsActive, d.IsActive)
        & Filter.Eq(u => u.IsAdmin, d.IsAdmin) & Filter.Eq(u => u.UpdatedAt, d.UpdatedAt);

    private static UpdateDefinition<UserDocument> Written(UserDocument d) => Builders<UserDocument>.Update
        .Set(u => u.Email, d.Email).Set(u => u.Name, d.Name).Set(u => u.PasswordHash, d.PasswordHash)
        .Set(u => u.Subscription, d.Subscription).Set(u => u.AvatarUrl, d.AvatarUrl).Set(u => u.IsActive, d.IsActive)
        .Set(u => u.IsAdmin, d.IsAdmin).Set(u => u.UpdatedAt, d.UpdatedAt);
}
