using System.Text.Json;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Storage;
using ContactsApi.Storage.Mongo;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// What only the MongoDB store can meet: documents an operator or an older version of the service
/// wrote, without the fields this version adds and with fields it doesn't know. Needs a server.
/// </summary>
[NeedsEnvironment(MongoStoreFixture.Variable, MongoStoreFixture.Missing)]
public sealed class MongoStoreTests(MongoStoreFixture store) : IClassFixture<MongoStoreFixture>
{
    private static readonly DateTime T0 = new(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    [StoreFact]
    public async Task A_contact_written_without_a_version_and_with_unknown_fields_is_updated_and_keeps_them()
    {
        var (id, owner, phoneId) = (ObjectId.GenerateNewId(), ObjectId.GenerateNewId(), ObjectId.GenerateNewId());
        var raw = store.Store.Contacts.Database.GetCollection<BsonDocument>(store.Store.Contacts.CollectionNamespace.CollectionName);
        await raw.InsertOneAsync(new BsonDocument
        {
            { "_id", id }, { "owner", owner }, { "name", "Ann" }, { "email", "ann@example.com" },
            { "phones", new BsonArray { new BsonDocument { { "_id", phoneId }, { "number", "+1 555 0100" }, { "label", "mobile" } } } },
            { "favorite", false }, { "createdAt", T0 }, { "updatedAt", T0 },
            { "nameLower", "ann" }, { "emailLower", "ann@example.com" }, { "phone", "+1 555 0100" }, { "phoneDigits", new BsonArray { "15550100" } },
            { "tags", new BsonArray { "family" } },
        });

        var (changed, _) = await store.Contacts.UpdateAsync(owner.ToString(), id.ToString(), c => c with { Name = "Zoe" });
        var added = new Phone(ObjectIds.New(), "+1 555 0101", "work");
        var (edited, _) = await store.Contacts.EditAsync(owner.ToString(), id.ToString(), new ContactEdit.AddPhone(added, T0.AddDays(1)));

        Assert.Equal("Zoe", changed?.Name);
        Assert.Equal(JsonSerializer.Serialize(changed! with { Phones = [.. changed.Phones, added], UpdatedAt = T0.AddDays(1) }),
            JsonSerializer.Serialize(edited));
        var stored = await raw.Find(new BsonDocument("_id", id)).SingleAsync();
        Assert.Equal((2L, new BsonArray { "family" }), (stored["version"].ToInt64(), stored["tags"]));
    }

    [StoreFact]
    public async Task An_index_made_for_another_collation_is_made_again_for_the_configured_one()
    {
        await store.Store.EnsureIndexesAsync(CancellationToken.None);
        Assert.Equal("uk", await CollationOfAsync(store.Store, "by_owner_name"));

        using var root = new MongoStore(Options.Create(new StorageOptions
        {
            MongoConnectionString = Environment.GetEnvironmentVariable(MongoStoreFixture.Variable),
            MongoDatabase = store.Store.Contacts.Database.DatabaseNamespace.DatabaseName,
        }), new ContactCollation(Options.Create(new CollationOptions { Collation = "und" })), NullLogger<MongoStore>.Instance);
        await root.EnsureIndexesAsync(CancellationToken.None);

        Assert.Equal("root", await CollationOfAsync(root, "by_owner_name"));
        Assert.Equal("root", await CollationOfAsync(root, "by_owner_email"));
        Assert.Equal("none", await CollationOfAsync(root, "by_owner_nameLower"));
    }

    [StoreFact]
    public async Task Documents_folded_by_an_earlier_version_are_folded_again_once_and_found()
    {
        var (id, owner) = (ObjectId.GenerateNewId(), ObjectId.GenerateNewId());
        var raw = store.Store.Contacts.Database.GetCollection<BsonDocument>(store.Store.Contacts.CollectionNamespace.CollectionName);
        await raw.InsertOneAsync(new BsonDocument
        {
            { "_id", id }, { "owner", owner }, { "name", "Αλέξανδρος" }, { "email", "ALEX@example.gr" },
            { "phones", new BsonArray { new BsonDocument { { "_id", ObjectId.GenerateNewId() }, { "number", "+30 210 0000" }, { "label", "mobile" } } } },
            { "favorite", false }, { "createdAt", T0 }, { "updatedAt", T0 },
            // As lower-casing alone left it: the final ς stays ς, where a search folds Σ to σ.
            { "nameLower", "αλέξανδρος" }, { "emailLower", "alex@example.gr" }, { "phone", "+30 210 0000" }, { "phoneDigits", new BsonArray { "302100000" } },
        });
        var query = new ContactQuery { Name = SearchText.Fold("ΑΛΈΞΑΝΔΡΟΣ") };
        Assert.Equal(0, (await store.Contacts.ListAsync(owner.ToString(), query)).Total);

        await MongoSearchText.RefoldAsync(store.Store, NullLogger.Instance, CancellationToken.None);

        Assert.Equal([id.ToString()], (await store.Contacts.ListAsync(owner.ToString(), query)).Contacts.Select(c => c.Id));
        Assert.Equal("αλέξανδροσ", (await raw.Find(new BsonDocument("_id", id)).SingleAsync())["nameLower"].AsString);
    }

    private static async Task<string> CollationOfAsync(MongoStore mongo, string index)
    {
        using var cursor = await mongo.Contacts.Indexes.ListAsync();
        var spec = (await cursor.ToListAsync()).Single(i => i["name"] == index);
        return spec.TryGetValue("collation", out var collation) ? collation["locale"].AsString : "none";
    }
}
