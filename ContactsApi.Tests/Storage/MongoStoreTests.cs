using System.Text.Json;
using ContactsApi.Common;
using ContactsApi.Contacts;
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
}
