using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Storage;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Tests.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// The SQLite store's sort keys follow the configured collation: computed again at start when the collation,
/// or ICU's version of it, is not the one the store recorded, and for stores from before they existed.
/// </summary>
public sealed class SqliteCollationTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    private readonly string _folder = Directory.CreateTempSubdirectory("contactsapi-collation-").FullName;
    private readonly string _owner = ObjectIds.New();
    private readonly LogCollector _logs = new();

    [Fact]
    public async Task Reopened_with_another_collation_the_store_computes_its_sort_keys_again_and_the_order_follows()
    {
        using (var uk = Open("uk"))
        {
            foreach (var name in StoreContractTests.AlphabetNames) await Contacts(uk).AddAsync(NewContact(name));
            Assert.Equal(StoreContractTests.UkrainianOrder, await NamesAsync(uk));
        }

        using (var root = Open("und"))
        {
            Assert.Equal(StoreContractTests.RootOrder, await NamesAsync(root));
            Assert.Equal(StoreContractTests.RootOrder, await NamesAsync(root, new ContactQuery { Limit = 4, Page = 4 }, pages: 4));
            Assert.Equal(2, (await Contacts(root).ListAsync(_owner, new ContactQuery { Name = "анн" })).Total);
        }
        Assert.Contains(_logs.Entries, e => e.Message.StartsWith(
            "Computing the sort keys and search text of 15 contacts for the collation und", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Message.StartsWith("Sort keys and search text of 15 contacts computed in", StringComparison.Ordinal));

        // Back, and once recorded, a start with the same collation computes nothing.
        using (var uk = Open("uk")) Assert.Equal(StoreContractTests.UkrainianOrder, await NamesAsync(uk));
        var computed = _logs.Entries.Count(e => e.Message.StartsWith("Computing the sort keys", StringComparison.Ordinal));
        using (var uk = Open("uk")) Assert.Equal(StoreContractTests.UkrainianOrder, await NamesAsync(uk));
        Assert.Equal(computed, _logs.Entries.Count(e => e.Message.StartsWith("Computing the sort keys", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Another_ICU_version_of_the_same_collation_computes_the_keys_again()
    {
        using (var uk = Open("uk"))
            foreach (var name in StoreContractTests.AlphabetNames) await Contacts(uk).AddAsync(NewContact(name));
        // As an ICU upgrade would leave it: keys of another version, recorded as such.
        Execute("UPDATE contacts SET name_key = randomblob(8); UPDATE store_settings SET value = '1/older' WHERE key = 'collation_version'");

        using var again = Open("uk");

        Assert.Equal(StoreContractTests.UkrainianOrder, await NamesAsync(again));
    }

    [Fact]
    public async Task A_store_from_before_the_sort_keys_is_migrated_and_sorts_and_searches_by_them()
    {
        CreateSchemaBeforeSortKeys();
        var ids = new List<string>();
        foreach (var name in StoreContractTests.AlphabetNames.Append("Οδυσσέας"))
        {
            ids.Add(ObjectIds.New());
            Execute($"""
                INSERT INTO contacts (id, owner, name, email, phone, phones, favorite, created_at, updated_at, name_lc, email_lc, phone_digits, uid)
                VALUES ('{ids[^1]}', '{_owner}', '{name}', 'x@example.com', '+1 555', '[]', 0, 0, 0, '{name.ToLowerInvariant()}', 'x@example.com', '1555',
                        'card-{name}')
                """);
        }

        using var store = Open("uk");

        Assert.Equal(StoreContractTests.UkrainianOrder + ", Οδυσσέας", await NamesAsync(store));
        var contacts = Contacts(store);
        Assert.Equal("card-Ера", (await contacts.FindAsync(_owner, ids[Array.IndexOf(StoreContractTests.AlphabetNames, "Ера")]))!.Uid);
        Assert.Equal(["анна", "Ґанна"], (await contacts.ListAsync(_owner, new ContactQuery { Name = "анн" })).Contacts.Select(c => c.Name));
        Assert.Equal(["Οδυσσέας"], (await contacts.ListAsync(_owner, new ContactQuery { Name = SearchText.Fold("ΟΔΥΣΣΈΑΣ") })).Contacts.Select(c => c.Name));
        // New contacts take the numbers after those the migration gave, and leave the index as they go.
        var added = NewContact("Ганнуся");
        await contacts.AddAsync(added);
        Assert.Equal(3, (await contacts.ListAsync(_owner, new ContactQuery { Name = "анн" })).Total);
        Assert.Null(await contacts.DeleteAsync(_owner, ids[Array.IndexOf(StoreContractTests.AlphabetNames, "анна")], T0));
        Assert.Equal(["Ганнуся", "Ґанна"], (await contacts.ListAsync(_owner, new ContactQuery { Name = "анн" })).Contacts.Select(c => c.Name));
        Assert.Equal(["Ганнуся"], (await contacts.ListAsync(_owner, new ContactQuery { Name = "ганн" })).Contacts.Select(c => c.Name));
        Assert.Contains(_logs.Entries, e => e.Message.StartsWith("Computing the sort keys and search text of 16 contacts", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProvider Open(string collation)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = _folder,
            ["Contacts:Collation"] = collation,
        }).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(_logs)).AddSingleton<IConfiguration>(configuration);
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }

    private static IContactRepository Contacts(ServiceProvider store) => store.GetRequiredService<IContactRepository>();

    private Contact NewContact(string name) => new()
    {
        Id = ObjectIds.New(), Owner = _owner, Name = name, Email = "x@example.com",
        Phones = [new Phone(ObjectIds.New(), "+1 555 0100", Phone.DefaultLabel)], CreatedAt = T0, UpdatedAt = T0,
    };

    /// <summary>The names of all the owner's contacts, read a page at a time.</summary>
    private async Task<string> NamesAsync(ServiceProvider store, ContactQuery? query = null, int pages = 1)
    {
        var names = new List<string>();
        for (var page = 1; page <= pages; page++)
            names.AddRange((await Contacts(store).ListAsync(_owner, (query ?? new ContactQuery { Limit = 100 }) with { Page = page })).Contacts
                .Select(c => c.Name));
        return string.Join(", ", names);
    }

    /// <summary>The file as the release before schema step 4 left it.</summary>
    /// <summary>A store as the release before the sort keys left it: every step before the one that adds them.</summary>
    private void CreateSchemaBeforeSortKeys()
    {
        var before = Array.FindIndex(SqliteMigrations.Steps, s => s.Contains("ADD COLUMN name_key", StringComparison.Ordinal));
        Assert.True(before > 0);
        foreach (var step in SqliteMigrations.Steps[..before]) Execute(step);
        Execute($"PRAGMA user_version = {before}");
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, SqliteStore.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
