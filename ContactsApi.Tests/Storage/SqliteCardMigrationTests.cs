using ContactsApi.Contacts;
using ContactsApi.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Tests.Storage;

/// <summary>A file written before contacts held the whole card, opened by this release.</summary>
public sealed class SqliteCardMigrationTests
{
    [Fact]
    public async Task A_contact_stored_before_the_whole_card_reads_with_its_email_listed_and_can_take_a_card()
    {
        using var store = new SqliteStoreFixture();
        var (owner, id, phoneId) = ("6500000000000000000000bb", "6500000000000000000000aa", "6500000000000000000000cc");
        // The schema as it was before the step that added the card, with a contact as that release wrote it.
        var before = Array.FindIndex(SqliteMigrations.Steps, s => s.Contains("contact_photos", StringComparison.Ordinal));
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(store.DataFolder, SqliteStore.FileName)}"))
        {
            connection.Open();
            foreach (var step in SqliteMigrations.Steps[..before]) Execute(connection, step);
            Execute(connection, $"PRAGMA user_version = {before}");
            Execute(connection, $$"""
                INSERT INTO contacts (id, owner, name, email, phone, phones, favorite, created_at, updated_at, name_lc, email_lc, phone_digits)
                VALUES ('{{id}}', '{{owner}}', 'Ann', 'ann@example.com', '+1 555 0100',
                        '[{"_id":"{{phoneId}}","number":"+1 555 0100","label":"mobile"}]', 1, 0, 0, 'ann', 'ann@example.com', '15550100')
                """);
        }

        var contact = (await store.Contacts.FindAsync(owner, id))!;

        Assert.Equal(("Ann", "ann@example.com", "+1 555 0100", true), (contact.Name, contact.Email, contact.Phone, contact.Favorite));
        Assert.Equal([new ContactEmail(id, "ann@example.com", "other")], contact.ListedEmails);
        Assert.Equal((null, null, 0, 0, false), (contact.Organization, contact.Uid, contact.Addresses.Count, contact.Kept.Count, contact.HasPhoto));
        var (edited, _) = await store.Contacts.EditAsync(owner, id, new ContactEdit.SetFields(DateTime.UnixEpoch) { Organization = "Acme" });
        Assert.Equal(("Acme", "ann@example.com"), (edited!.Organization, edited.Email));
        Assert.Equal([new ContactEmail(id, "ann@example.com", "other")], (await store.Contacts.FindAsync(owner, id))!.ListedEmails);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
