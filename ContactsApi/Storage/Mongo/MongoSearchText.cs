using ContactsApi.Contacts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// Brings the folded copies that searches match (<c>nameLower</c>, <c>emailLower</c>) to <see cref="SearchText.Fold"/>
/// in documents written before it, which hold them only lower-cased (a Greek final ς, a name typed with separate
/// accents). Run once in the background at start, after the indexes; a marker in the <c>settings</c> collection
/// records the format done. A document changed meanwhile is left to the write that changed it, which folded it.
/// </summary>
internal static class MongoSearchText
{
    // Raise it with SearchText.Fold's rules, so every deployment folds its documents again.
    private const int Format = 1;
    private const int Batch = 1_000;

    private static readonly FilterDefinition<BsonDocument> Marker = Builders<BsonDocument>.Filter.Eq("_id", "searchText");

    public static async Task RefoldAsync(MongoStore store, ILogger log, CancellationToken ct)
    {
        var settings = store.Database.GetCollection<BsonDocument>("settings");
        var done = await settings.Find(Marker).FirstOrDefaultAsync(ct);
        if (done is not null && done.GetValue("format", 0).ToInt32() == Format) return;

        var fields = Builders<ContactDocument>.Projection
            .Include(c => c.Name).Include(c => c.Email).Include(c => c.NameLower).Include(c => c.EmailLower);
        var changes = new List<WriteModel<ContactDocument>>(Batch);
        var changed = 0;
        using (var cursor = await store.Contacts.Find(FilterDefinition<ContactDocument>.Empty).Project<ContactDocument>(fields).ToCursorAsync(ct))
        {
            while (await cursor.MoveNextAsync(ct))
            {
                foreach (var stored in cursor.Current)
                {
                    var (name, email) = (SearchText.Fold(stored.Name), SearchText.Fold(stored.Email));
                    if (name == stored.NameLower && email == stored.EmailLower) continue;
                    changes.Add(new UpdateOneModel<ContactDocument>(
                        Builders<ContactDocument>.Filter.Eq(c => c.Id, stored.Id) & Builders<ContactDocument>.Filter.Eq(c => c.Name, stored.Name)
                        & Builders<ContactDocument>.Filter.Eq(c => c.Email, stored.Email),
                        Builders<ContactDocument>.Update.Set(c => c.NameLower, name).Set(c => c.EmailLower, email)));
                }
                if (changes.Count < Batch) continue;
                changed += await WriteAsync(store, changes, ct);
            }
        }
        if (changes.Count > 0) changed += await WriteAsync(store, changes, ct);
        await settings.ReplaceOneAsync(Marker, new BsonDocument { { "_id", "searchText" }, { "format", Format } },
            new ReplaceOptions { IsUpsert = true }, ct);
        log.LogInformation("Folded the search text of {Changed} contacts written before format {Format}", changed, Format);
    }

    private static async Task<int> WriteAsync(MongoStore store, List<WriteModel<ContactDocument>> changes, CancellationToken ct)
    {
        var result = await store.Contacts.BulkWriteAsync(changes, new BulkWriteOptions { IsOrdered = false }, ct);
        changes.Clear();
        return (int)result.ModifiedCount;
    }
}
