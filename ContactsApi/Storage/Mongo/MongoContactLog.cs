using ContactsApi.Contacts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// Appends to the change log (<see cref="HistoryDocument"/>) after each write of a contact, in the write's
/// transaction where there is one (an import, an undo, a user's delete). Elsewhere the row follows the write:
/// a failure between the two loses the row, not the write, and a sync then misses that change until the
/// contact's next (the SQLite store writes both in one transaction).
/// <para>
/// The sync feed must never step over a change it has not seen. A number is taken (an atomic <c>$inc</c>) before
/// its row is inserted, so two concurrent writes can take 10 and 11 and insert 11 first; a feed reading "after the
/// token" in between would hand out a token past 11, and row 10 would never reach that client. So each owner has
/// a counter of their own (<c>contactHistory:</c> and the owner's id) and the owner's numbers above its start have
/// no holes: the feed reads only as far as they run without one (<see cref="CompleteThroughAsync"/>). A hole is a
/// number taken and its row not yet inserted, or never: a writer that died between the two. It is passed once the
/// row after it was numbered more than <see cref="GivenUpAfter"/> ago (the server's clock for both: <c>$currentDate</c>
/// and <c>$$NOW</c>, MongoDB 4.2+). A row that arrives later than that, from a write stalled that long between its two
/// steps, is missed by a client already past it (the SQLite store, one writer committing both at once, has no such
/// case). A row deleted by a purge or the retention leaves a hole too, passed the same way: a sync may get what
/// follows it up to that long late, never loses it. Inside a transaction the counter stays locked until the commit,
/// so a transaction leaves no hole; it makes the owner's other writes wait, not every owner's, as one counter did.
/// </para>
/// <para>
/// Before the owners' counters one counter numbered every owner's rows, and tokens handed out hold those numbers.
/// An owner's counter therefore starts above that counter's value and the owner's newest row (<c>start</c>), and
/// the rule of holes applies only above it: the older numbers are other owners' too, full of holes that are not.
/// Instances of an older version must not write alongside (they number from the one counter): stop them to upgrade.
/// </para>
/// </summary>
internal static class MongoContactLog
{
    public const int Nowhere = 0, Live = 1, Trashed = 2;
    /// <summary>The one counter of every owner before the owners' counters; read, never raised, to start one above it.</summary>
    private const string OldCounter = "contactHistory";

    /// <summary>How long a number without its row holds up the feed: far longer than a write takes, and short for a client.</summary>
    internal static readonly TimeSpan GivenUpAfter = TimeSpan.FromSeconds(30);

    private static readonly FilterDefinitionBuilder<HistoryDocument> Log = Builders<HistoryDocument>.Filter;
    private static readonly FindOneAndUpdateOptions<CounterDocument> Raise = new() { ReturnDocument = ReturnDocument.After };

    public static async Task AppendAsync(MongoStore store, IClientSessionHandle? session, string owner, string id, DateTime at, int was,
        int state, Contact? previous, CancellationToken ct)
    {
        var number = await TakeNumberAsync(store, session, owner, ct);
        var ofContact = Of(owner, id);
        var newestFirst = Builders<HistoryDocument>.Sort.Descending(h => h.Seq);
        var last = await (session is null ? store.History.Find(ofContact) : store.History.Find(session, ofContact))
            .Sort(newestFirst).Limit(1).FirstOrDefaultAsync(ct);
        var row = new HistoryDocument
        {
            Id = ObjectId.GenerateNewId(), Seq = number.Seq, Taken = number.Taken, Owner = owner, ContactId = id, At = at,
            Version = (last?.Version ?? 0) + 1, Was = was, State = state,
            Previous = previous is null ? null : ContactDocument.From(previous, version: 0),
        };
        if (session is null) await store.History.InsertOneAsync(row, cancellationToken: ct);
        else await store.History.InsertOneAsync(session, row, cancellationToken: ct);
    }

    /// <summary>The owner's next number, and the server's time of taking it; the owner's counter is started on first use.</summary>
    private static async Task<CounterDocument> TakeNumberAsync(MongoStore store, IClientSessionHandle? session, string owner, CancellationToken ct)
    {
        var counter = CounterOf(owner);
        var take = Builders<CounterDocument>.Update.Inc(c => c.Seq, 1L).CurrentDate(c => c.Taken);
        if (await TakeAsync() is { } taken) return taken;
        await StartCounterAsync(store, session, owner, counter, ct);
        return await TakeAsync() ?? throw new InvalidOperationException($"The change log counter of {owner} is gone (its user deleted?)");

        // Without an upsert: null when the owner has no counter yet.
        async Task<CounterDocument?> TakeAsync() => session is null
            ? await store.Counters.FindOneAndUpdateAsync(counter, take, Raise, ct)
            : await store.Counters.FindOneAndUpdateAsync(session, counter, take, Raise, ct);
    }

    /// <summary>
    /// Creates the owner's counter at their start, above every number the owner's tokens may hold. Concurrent starters
    /// agree: <c>$max</c> never lowers a counter already raised, and <c>start</c> is set by the one that inserts it.
    /// Two upserts of one <c>_id</c> may race to insert it; the server retries the loser as an update (MongoDB 4.2+).
    /// </summary>
    private static async Task StartCounterAsync(MongoStore store, IClientSessionHandle? session, string owner,
        FilterDefinition<CounterDocument> counter, CancellationToken ct)
    {
        var start = Math.Max(await OldCounterAsync(store, session, ct), await NewestAsync(store, session, owner, ct));
        var seed = Builders<CounterDocument>.Update.Max(c => c.Seq, start).SetOnInsert(c => c.Start, start);
        var upsert = new UpdateOptions { IsUpsert = true };
        if (session is null) await store.Counters.UpdateOneAsync(counter, seed, upsert, ct);
        else await store.Counters.UpdateOneAsync(session, counter, seed, upsert, ct);
    }

    private static async Task<long> OldCounterAsync(MongoStore store, IClientSessionHandle? session, CancellationToken ct)
    {
        var old = Builders<CounterDocument>.Filter.Eq(c => c.Id, OldCounter);
        return (await (session is null ? store.Counters.Find(old) : store.Counters.Find(session, old)).FirstOrDefaultAsync(ct))?.Seq ?? 0;
    }

    private static async Task<long> NewestAsync(MongoStore store, IClientSessionHandle? session, string owner, CancellationToken ct)
    {
        var mine = Log.Eq(h => h.Owner, owner);
        var newest = await (session is null ? store.History.Find(mine) : store.History.Find(session, mine))
            .Sort(Builders<HistoryDocument>.Sort.Descending(h => h.Seq)).Limit(1).Project(h => h.Seq).ToListAsync(ct);
        return newest.Count > 0 ? newest[0] : 0;
    }

    /// <summary>
    /// The greatest number through which the owner's log after <paramref name="since"/> can be read: every number above
    /// the counter's start is there, or was given up (<see cref="GivenUpAfter"/>). Without a counter yet, its start will be
    /// above the old counter's value, so the numbers through that value are all the owner has.
    /// </summary>
    public static async Task<long> CompleteThroughAsync(MongoStore store, string owner, long since, CancellationToken ct)
    {
        var counter = await store.Counters.Find(CounterOf(owner)).FirstOrDefaultAsync(ct);
        var start = counter?.Start ?? await OldCounterAsync(store, null, ct);
        var expected = Math.Max(since, start) + 1;
        var after = Log.Eq(h => h.Owner, owner) & Log.Gte(h => h.Seq, expected);
        using var numbers = await store.History.Find(after).Sort(Builders<HistoryDocument>.Sort.Ascending(h => h.Seq)).Project(h => h.Seq)
            .ToCursorAsync(ct);
        while (await numbers.MoveNextAsync(ct))
            foreach (var seq in numbers.Current)
            {
                if (seq != expected && !await NumberedLongAgoAsync(store, owner, seq, ct)) return expected - 1;
                expected = seq + 1;
            }
        return expected - 1;
    }

    /// <summary>Whether the owner's row <paramref name="seq"/> got its number more than <see cref="GivenUpAfter"/> ago, by the server's clock.</summary>
    private static async Task<bool> NumberedLongAgoAsync(MongoStore store, string owner, long seq, CancellationToken ct)
    {
        var cutoff = new BsonDocument("$subtract", new BsonArray { "$$NOW", (long)GivenUpAfter.TotalMilliseconds });
        var row = await store.History.Aggregate()
            .Match(Log.Eq(h => h.Owner, owner) & Log.Eq(h => h.Seq, seq))
            .Project(new BsonDocument { { "_id", 0 }, { "old", new BsonDocument("$lt", new BsonArray { "$taken", cutoff }) } })
            .FirstOrDefaultAsync(ct);
        // A row deleted since it was read: the next one is looked at in the next read.
        return row is not null && row["old"].AsBoolean;
    }

    public static FilterDefinition<CounterDocument> CounterOf(string owner) => Builders<CounterDocument>.Filter.Eq(c => c.Id, OldCounter + ":" + owner);

    /// <summary>
    /// Logs the creation of every contact stored before the change log (at its creation time, as the SQLite store's
    /// migration does), so a first sync finds it, each row numbered by its owner's counter as any write's is. Once: a
    /// counter document marks it done. Run by
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
