using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// The MongoDB change log's numbering (<see cref="MongoContactLog"/>) where only its documents can show it: a
/// number taken whose row has not come yet, a writer that died between the two, and the numbers of the one
/// counter every owner shared before. Needs a server.
/// </summary>
[NeedsEnvironment(MongoStoreFixture.Variable, MongoStoreFixture.Missing)]
public sealed class MongoChangeLogTests(MongoStoreFixture store) : IClassFixture<MongoStoreFixture>
{
    private static readonly DateTime T0 = new(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    [StoreFact]
    public async Task A_change_numbered_but_not_yet_stored_holds_the_feed_before_it_until_it_comes()
    {
        var owner = ObjectIds.New();
        await AddAsync(owner, "First");
        var token = (await store.History.ChangesAsync(owner, 0, 10)).Last;
        var late = await TakeNumberAsync(owner);
        await AddAsync(owner, "Next");

        var held = await store.History.ChangesAsync(owner, token, 10);

        Assert.Equal((0, 0, token, false), (held.Changed.Count, held.Deleted.Count, held.Last, held.More));
        var lateContact = await AddWithoutRowAsync(owner, "Late");
        await store.Store.History.InsertOneAsync(Row(owner, lateContact.Id, late, DateTime.UtcNow));
        var after = await store.History.ChangesAsync(owner, token, 10);
        Assert.Equal(["Late", "Next"], after.Changed.Select(c => c.Name));
        Assert.Equal(late + 1, after.Last);
    }

    [StoreFact]
    public async Task A_number_whose_row_never_came_is_passed_once_the_next_row_is_older_than_the_bound()
    {
        var owner = ObjectIds.New();
        await AddAsync(owner, "First");
        var token = (await store.History.ChangesAsync(owner, 0, 10)).Last;
        var dead = await TakeNumberAsync(owner);
        await AddAsync(owner, "Next");
        Assert.Empty((await store.History.ChangesAsync(owner, token, 10)).Changed);

        await store.Store.History.UpdateOneAsync(
            Builders<HistoryDocument>.Filter.Eq(h => h.Owner, owner) & Builders<HistoryDocument>.Filter.Eq(h => h.Seq, dead + 1),
            Builders<HistoryDocument>.Update.Set(h => h.Taken, DateTime.UtcNow - MongoContactLog.GivenUpAfter - TimeSpan.FromMinutes(1)));

        var passed = await store.History.ChangesAsync(owner, token, 10);
        Assert.Equal(["Next"], passed.Changed.Select(c => c.Name));
        Assert.Equal(dead + 1, passed.Last);
    }

    [StoreFact]
    public async Task Tokens_of_the_one_counter_of_every_owner_still_work_and_its_holes_hold_nothing()
    {
        var owner = ObjectIds.New();
        var oldCounter = await store.Store.Counters.FindOneAndUpdateAsync(Builders<CounterDocument>.Filter.Eq(c => c.Id, "contactHistory"),
            Builders<CounterDocument>.Update.Inc(c => c.Seq, 100L),
            new FindOneAndUpdateOptions<CounterDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After });
        // Two rows the one counter numbered, other owners' numbers between them and after them.
        var older = await AddWithoutRowAsync(owner, "Older");
        var newer = await AddWithoutRowAsync(owner, "Newer");
        await store.Store.History.InsertManyAsync([Row(owner, older.Id, oldCounter.Seq - 60, null), Row(owner, newer.Id, oldCounter.Seq - 10, null)]);

        var fromOld = await store.History.ChangesAsync(owner, oldCounter.Seq - 60, 10);
        Assert.Equal((["Newer"], oldCounter.Seq - 10), (fromOld.Changed.Select(c => c.Name).ToArray(), fromOld.Last));

        var added = await AddAsync(owner, "Added");
        var rows = await store.Store.History.Find(Builders<HistoryDocument>.Filter.Eq(h => h.Owner, owner))
            .Sort(Builders<HistoryDocument>.Sort.Ascending(h => h.Seq)).ToListAsync();
        Assert.True(rows[^1].Seq > oldCounter.Seq, $"the owner's counter started at {rows[^1].Seq}, not above {oldCounter.Seq}");
        var fromNewest = await store.History.ChangesAsync(owner, fromOld.Last, 10);
        Assert.Equal(([added.Id], rows[^1].Seq), (fromNewest.Changed.Select(c => c.Id).ToArray(), fromNewest.Last));
        Assert.Equal(["Older", "Newer", "Added"], (await store.History.ChangesAsync(owner, 0, 10)).Changed.Select(c => c.Name));
    }

    private async Task<Contact> AddAsync(string owner, string name)
    {
        var contact = NewContact(owner, name);
        Assert.Null(await store.Contacts.AddAsync(contact));
        return contact;
    }

    /// <summary>A contact as the service stored it before the change log: its document alone.</summary>
    private async Task<Contact> AddWithoutRowAsync(string owner, string name)
    {
        var contact = NewContact(owner, name);
        await store.Store.Contacts.InsertOneAsync(ContactDocument.From(contact, version: 0));
        return contact;
    }

    /// <summary>What a writer does before it stores its row: takes the owner's next number.</summary>
    private async Task<long> TakeNumberAsync(string owner) =>
        (await store.Store.Counters.FindOneAndUpdateAsync(MongoContactLog.CounterOf(owner), Builders<CounterDocument>.Update.Inc(c => c.Seq, 1L),
            new FindOneAndUpdateOptions<CounterDocument> { ReturnDocument = ReturnDocument.After })).Seq;

    private static HistoryDocument Row(string owner, string contact, long seq, DateTime? taken) => new()
    {
        Id = ObjectId.GenerateNewId(), Seq = seq, Taken = taken, Owner = owner, ContactId = contact, At = T0, Version = 1,
        Was = MongoContactLog.Nowhere, State = MongoContactLog.Live,
    };

    private static Contact NewContact(string owner, string name) => new()
    {
        Id = ObjectIds.New(), Owner = owner, Name = name, Email = "someone@example.com",
        Phones = [new Phone(ObjectIds.New(), "+1 555 0100", Phone.DefaultLabel)], CreatedAt = T0, UpdatedAt = T0,
    };
}
