using ContactsApi.Contacts;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// Appends to the change log (<see cref="HistoryDocument"/>) after each write of a contact, in the write's
/// transaction where there is one (an import, an undo, a user's delete). Elsewhere the row follows the write:
/// a failure between the two loses the row, not the write, and a sync then misses that change until the
/// contact's next. The number comes from one counter a store, so concurrent writes get different numbers,
/// but one may be seen before a smaller one is: the SQLite store, with its one writer, has neither gap.
/// </summary>
internal static class MongoContactLog
{
    public const int Nowhere = 0, Live = 1, Trashed = 2;
    private const string Counter = "contactHistory";

    private static readonly FindOneAndUpdateOptions<CounterDocument> Raise = new() { IsUpsert = true, ReturnDocument = ReturnDocument.After };

    public static async Task AppendAsync(MongoStore store, IClientSessionHandle? session, string owner, string id, DateTime at, int was,
        int state, Contact? previous, CancellationToken ct)
    {
        var counter = Builders<CounterDocument>.Filter.Eq(c => c.Id, Counter);
        var increment = Builders<CounterDocument>.Update.Inc(c => c.Seq, 1L);
        var seq = (session is null
            ? await store.Counters.FindOneAndUpdateAsync(counter, increment, Raise, ct)
            : await store.Counters.FindOneAndUpdateAsync(session, counter, increment, Raise, ct)).Seq;
        var ofContact = Of(owner, id);
        var newestFirst = Builders<HistoryDocument>.Sort.Descending(h => h.Seq);
        var last = await (session is null ? store.History.Find(ofContact) : store.History.Find(session, ofContact))
            .Sort(newestFirst).Limit(1).FirstOrDefaultAsync(ct);
        var row = new HistoryDocument
        {
            Id = MongoDB.Bson.ObjectId.GenerateNewId(), Seq = seq, Owner = owner, ContactId = id, At = at,
            Version = (last?.Version ?? 0) + 1, Was = was, State = state,
            Previous = previous is null ? null : ContactDocument.From(previous, version: 0),
        };
        if (session is null) await store.History.InsertOneAsync(row, cancellationToken: ct);
        else await store.History.InsertOneAsync(session, row, cancellationToken: ct);
    }

    /// <summary>
    /// Logs the creation of every contact stored before the change log (at its creation time, as the SQLite store's
    /// migration does), so a first sync finds it. Once: a counter document marks it done. Run by
    /// <see cref="MongoIndexBuilder"/> once the server answers; a contact created meanwhile has its own row already.
    /// </summary>
    public static async Task BackfillAsync(MongoStore store, CancellationToken ct)
    {
        var done = Builders<CounterDocument>.Filter.Eq(c => c.Id, "contactHistoryBackfill");
        if (await store.Counters.Find(done).AnyAsync(ct)) return;
        var everyone = Builders<ContactDocument>.Filter.Empty;
        using var cursor = await store.Contacts.Find(everyone).Sort(Builders<ContactDocument>.Sort.Ascending(c => c.CreatedAt).Ascending(c => c.Id))
            .Project(c => new { c.Id, c.Owner, c.CreatedAt }).ToCursorAsync(ct);
        while (await cursor.MoveNextAsync(ct))
            foreach (var contact in cursor.Current)
                if (!await store.History.Find(Of(contact.Owner, contact.Id)).AnyAsync(ct))
                    await AppendAsync(store, null, contact.Owner, contact.Id, contact.CreatedAt, Nowhere, Live, null, ct);
        await store.Counters.ReplaceOneAsync(done, new CounterDocument { Id = "contactHistoryBackfill", Seq = 1 },
            new ReplaceOptions { IsUpsert = true }, ct);
    }

    public static FilterDefinition<HistoryDocument> Of(string owner, string id) =>
        Builders<HistoryDocument>.Filter.Eq(h => h.Owner, owner) & Builders<HistoryDocument>.Filter.Eq(h => h.ContactId, id);
}
