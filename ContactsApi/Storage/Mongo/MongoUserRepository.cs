using ContactsApi.Common;
using ContactsApi.Users;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

public sealed class MongoUserRepository(MongoStore store) : IUserRepository
{
    private static readonly FilterDefinitionBuilder<UserDocument> Filter = Builders<UserDocument>.Filter;
    private static readonly TransactionOptions Majority = new(writeConcern: WriteConcern.WMajority);

    public async Task<UserWrite> AddAsync(User user, CancellationToken ct = default)
    {
        await store.EnsureIndexesAsync(ct);   // the unique email index: without it two registrations could share an email
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
        await store.EnsureIndexesAsync(ct);   // an email change relies on the unique index, as a registration does
        for (var failures = 0; ; )
        {
            var stored = await store.Users.Find(ById(id)).FirstOrDefaultAsync(ct);
            if (stored is null) return (UserWrite.NotFound, null);
            var updated = change.ApplyTo(stored.ToUser());
            try
            {
                // Optimistic concurrency: the write lands only if every field it writes still holds the value
                // read; otherwise wait a little, read again and re-apply the change to what the other writer left.
                var result = await store.Users.UpdateOneAsync(Unchanged(stored), Written(UserDocument.From(updated)), cancellationToken: ct);
                if (result.MatchedCount == 1) return (UserWrite.Done, updated);
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                return (UserWrite.EmailInUse, null);
            }
            if (++failures == Backoff.UpdateAttempts)
                throw new StoreUnavailableException($"User {id} changed under {failures} updates in a row");
            await Backoff.AfterLostRaceAsync(failures, ct);
        }
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
        if (!await store.SupportsTransactionsAsync(ct)) return await DeleteStepsAsync(null, id, ct);
        // All or nothing where the deployment can: nobody sees the user without their contacts. The
        // driver retries the transaction on a transient error (a failover) and the commit on an unknown result.
        using var session = await store.Client.StartSessionAsync(cancellationToken: ct);
        return await session.WithTransactionAsync((s, token) => DeleteStepsAsync(s, id, token), Majority, ct);
    }

    /// <summary>
    /// Sessions and app passwords, then photos and contacts, then the user. Outside a transaction (a standalone server) each step is
    /// idempotent and the user goes last, so a crash halfway leaves a user that a repeat of the
    /// delete finishes deleting, never contacts without an owner.
    /// </summary>
    private async Task<bool> DeleteStepsAsync(IClientSessionHandle? session, string id, CancellationToken ct)
    {
        var sessions = Builders<SessionDocument>.Filter.Eq(s => s.UserId, id);
        var contacts = Builders<ContactDocument>.Filter.Eq(c => c.Owner, id);
        var photos = Builders<PhotoDocument>.Filter.Eq(p => p.Owner, id);
        var trash = Builders<TrashDocument>.Filter.Eq(t => t.Owner, id);
        var history = Builders<HistoryDocument>.Filter.Eq(h => h.Owner, id);
        var counter = MongoContactLog.CounterOf(id);
        var appPasswords = Builders<AppPasswordDocument>.Filter.Eq(p => p.UserId, id);
        if (session is null)
        {
            await store.Sessions.DeleteManyAsync(sessions, ct);
            await store.AppPasswords.DeleteManyAsync(appPasswords, ct);
            await store.Photos.DeleteManyAsync(photos, ct);
            await store.Contacts.DeleteManyAsync(contacts, ct);
            await store.Trash.DeleteManyAsync(trash, ct);
            await store.History.DeleteManyAsync(history, ct);
            await store.Counters.DeleteOneAsync(counter, ct);
            return (await store.Users.DeleteOneAsync(ById(id), ct)).DeletedCount == 1;
        }
        await store.Sessions.DeleteManyAsync(session, sessions, cancellationToken: ct);
        await store.AppPasswords.DeleteManyAsync(session, appPasswords, cancellationToken: ct);
        await store.Photos.DeleteManyAsync(session, photos, cancellationToken: ct);
        await store.Contacts.DeleteManyAsync(session, contacts, cancellationToken: ct);
        await store.Trash.DeleteManyAsync(session, trash, cancellationToken: ct);
        await store.History.DeleteManyAsync(session, history, cancellationToken: ct);
        await store.Counters.DeleteOneAsync(session, counter, cancellationToken: ct);
        return (await store.Users.DeleteOneAsync(session, ById(id), cancellationToken: ct)).DeletedCount == 1;
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
