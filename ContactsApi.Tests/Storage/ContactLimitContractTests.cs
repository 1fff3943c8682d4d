using ContactsApi.Common;
using ContactsApi.Contacts;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// Every store holds each owner to <c>Limits:ContactsPerUser</c> in the write that adds a contact, also
/// under concurrent creates; inherited once per store, each on a store configured for three contacts.
/// </summary>
public abstract class ContactLimitContractTests(StoreFixture store)
{
    public const int Limit = 3;
    private const string Message = "A user can have at most 3 contacts";

    private IContactRepository Contacts => store.Contacts;

    [StoreFact]
    public async Task A_contact_past_the_owners_limit_is_refused_naming_the_limit_and_not_added()
    {
        var owner = ObjectIds.New();
        var kept = new List<string>();
        for (var i = 0; i < Limit; i++) kept.Add(await AddAsync(owner, $"Kept {i}"));

        var refused = await Contacts.AddAsync(NewContact(owner, "One too many"));

        Assert.Equal((403, Message), (refused!.Status, refused.Message));
        Assert.Equal(kept.Order(), await IdsOfAsync(owner));
        Assert.Equal(Limit, (await Contacts.ListAsync(owner, new ContactQuery())).Total);
        // The limit is each owner's own, and a delete makes room again.
        await AddAsync(ObjectIds.New(), "Someone else's");
        Assert.Null(await Contacts.DeleteAsync(owner, kept[0], DateTime.UtcNow));
        kept[0] = await AddAsync(owner, "After a delete");
        Assert.Equal(kept.Order(), await IdsOfAsync(owner));
    }

    [StoreFact]
    public async Task Concurrent_creates_never_take_an_owner_past_the_limit()
    {
        var owner = ObjectIds.New();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            var contact = NewContact(owner, $"Racer {i}");
            var refused = await Contacts.AddAsync(contact);
            Assert.True(refused is null || (refused.Status, refused.Message) == (403, Message), refused?.Message);
            return refused is null ? contact.Id : null;
        })));

        var added = outcomes.OfType<string>().Order().ToList();
        Assert.InRange(added.Count, 0, Limit);
        Assert.Equal(added, await IdsOfAsync(owner));
    }

    [StoreFact]
    public async Task An_import_that_would_pass_the_limit_is_refused_whole_before_anything_is_written()
    {
        var owner = ObjectIds.New();
        var kept = await AddAsync(owner, "Kept");
        var approved = false;
        ImportedCard Card(string name) => new(NewContact(owner, name) with { Id = "", Owner = "" }, null);

        var (_, refused) = await Contacts.ImportAsync(owner, [Card("One"), Card("Two"), Card("Three")], DateTime.UnixEpoch, _ =>
        {
            approved = true;
            return null;
        });

        Assert.Equal((403, Message), (refused!.Status, refused.Message));
        Assert.False(approved);
        Assert.Equal([kept], await IdsOfAsync(owner));
        // Two fit: the import is all or nothing, not as many as fit.
        Assert.Equal(new ImportCounts(2, 0, 0), (await Contacts.ImportAsync(owner, [Card("One"), Card("Two")], DateTime.UnixEpoch, _ => null)).Value);
    }

    private async Task<string> AddAsync(string owner, string name)
    {
        var contact = NewContact(owner, name);
        Assert.Null(await Contacts.AddAsync(contact));
        return contact.Id;
    }

    private static Contact NewContact(string owner, string name) =>
        new()
        {
            Id = ObjectIds.New(),
            Owner = owner,
            Name = name,
            Email = "limit@example.com",
            Phones = [new Phone(ObjectIds.New(), "+1 555 0100", Phone.DefaultLabel)],
            CreatedAt = DateTime.UnixEpoch,
            UpdatedAt = DateTime.UnixEpoch,
        };

    private async Task<List<string>> IdsOfAsync(string owner) =>
        (await Contacts.ListAsync(owner, new ContactQuery { Limit = 100 })).Contacts.Select(c => c.Id).Order().ToList();
}

public sealed class SmallLimitSqliteStoreFixture : SqliteStoreFixture
{
    protected override Dictionary<string, string?> Settings() =>
        new(base.Settings()) { ["Limits:ContactsPerUser"] = $"{ContactLimitContractTests.Limit}" };
}

public sealed class SqliteContactLimitContractTests(SmallLimitSqliteStoreFixture store)
    : ContactLimitContractTests(store), IClassFixture<SmallLimitSqliteStoreFixture>;

public sealed class SmallLimitMongoStoreFixture : MongoStoreFixture
{
    protected override Dictionary<string, string?> Settings() =>
        new(base.Settings()) { ["Limits:ContactsPerUser"] = $"{ContactLimitContractTests.Limit}" };
}

[NeedsEnvironment(MongoStoreFixture.Variable,
    "CONTACTS_TEST_MONGO holds no MongoDB connection string; set it to run the MongoDB store contract")]
public sealed class MongoContactLimitContractTests(SmallLimitMongoStoreFixture store)
    : ContactLimitContractTests(store), IClassFixture<SmallLimitMongoStoreFixture>;
