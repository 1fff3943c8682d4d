using ContactsApi.AppPasswords;
using ContactsApi.Common;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

public sealed class MongoAppPasswordRepository(MongoStore store) : IAppPasswordRepository
{
    private static readonly FilterDefinitionBuilder<AppPasswordDocument> Filter = Builders<AppPasswordDocument>.Filter;

    // Insert first, then count: of two made at once past the bound, each sees the other and takes itself back,
    // so the bound can refuse one too many but never let one too many stay.
    public async Task<bool> AddAsync(AppPassword password, int max, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(password.UserId)) return false;
        await store.AppPasswords.InsertOneAsync(AppPasswordDocument.From(password), cancellationToken: ct);
        if (await store.AppPasswords.CountDocumentsAsync(Filter.Eq(p => p.UserId, password.UserId), cancellationToken: ct) <= max) return true;
        await store.AppPasswords.DeleteOneAsync(Filter.Eq(p => p.Id, password.Id), ct);
        return false;
    }

    public async Task<IReadOnlyList<AppPassword>> ListAsync(string userId, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(userId)) return [];
        var found = await store.AppPasswords.Find(Filter.Eq(p => p.UserId, userId))
            .SortBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        return found.Select(d => d.ToAppPassword()).ToList();
    }

    public async Task<bool> DeleteAsync(string userId, string id, CancellationToken ct = default) =>
        ObjectIds.IsValid(userId) && ObjectIds.IsValid(id)
        && (await store.AppPasswords.DeleteOneAsync(Filter.Eq(p => p.Id, id) & Filter.Eq(p => p.UserId, userId), ct)).DeletedCount == 1;
}
