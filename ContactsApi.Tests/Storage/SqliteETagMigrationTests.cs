using ContactsApi.Contacts;
using ContactsApi.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Tests.Storage;

/// <summary>A file written before the store kept entity tags, opened by this release.</summary>
public sealed class SqliteETagMigrationTests
{
    [Fact]
    public async Task Contacts_stored_before_the_tags_were_kept_get_their_own_tags_at_the_migration()
    {
        using var store = new SqliteStoreFixture();
        var owner = "6500000000000000000000bb";
        var before = Array.IndexOf(SqliteMigrations.Steps, SqliteMigrations.StoredETags);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(store.DataFolder, SqliteStore.FileName)}"))
        {
            connection.Open();
            foreach (var step in SqliteMigrations.Steps[..before]) Execute(connection, step);
            Execute(connection, $"PRAGMA user_version = {before}");
            Execute(connection, $"INSERT INTO search_owners (no, owner, last) VALUES (1, '{owner}', 2)");
            foreach (var (id, n, uid) in new[] { ("6500000000000000000000a1", 1, "NULL"), ("6500000000000000000000a2", 2, "'card-2'") })
                Execute(connection, $$"""
                    INSERT INTO contacts (id, owner, name, email, phone, phones, favorite, created_at, updated_at, name_lc, email_lc, phone_digits,
                                          search_id, organization, uid, kept)
                    VALUES ('{{id}}', '{{owner}}', 'Ann {{n}}', 'ann@example.com', '+1 555 0100',
                            '[{"_id":"6500000000000000000000cc","number":"+1 555 0100","label":"mobile"}]', 0, 1000, 2000, 'ann', 'ann@example.com',
                            '15550100', (1 << 32) + {{n}}, 'Acme', {{uid}}, '["NICKNAME:Annie"]')
                    """);
        }

        var contacts = await store.Contacts.StreamOwnedAsync(owner).ToListAsync();
        var tags = await store.Contacts.StreamTagsAsync(owner).ToListAsync();

        Assert.Equal(2, contacts.Count);
        Assert.Equal(contacts.Select(c => new ContactTag(c.Id, c.Uid, ContactETag.Of(c))).OrderBy(t => t.Id), tags.OrderBy(t => t.Id));
        Assert.Equal(ContactETag.Of(contacts[0]), (await store.Contacts.FindTaggedAsync(owner, contacts[0].Id))!.ETag);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
