using ContactsApi.Contacts;
using ContactsApi.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Tests.Storage;

/// <summary>A file written before the change log, opened by this release.</summary>
public sealed class SqliteHistoryMigrationTests
{
    [Fact]
    public async Task Contacts_stored_before_the_change_log_are_in_a_first_sync_and_their_next_change_is_version_two()
    {
        using var store = new SqliteStoreFixture();
        var owner = "6500000000000000000000bb";
        var before = Array.FindIndex(SqliteMigrations.Steps, s => s.Contains("CREATE TABLE contact_history", StringComparison.Ordinal));
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(store.DataFolder, SqliteStore.FileName)}"))
        {
            connection.Open();
            foreach (var step in SqliteMigrations.Steps[..before]) Execute(connection, step);
            Execute(connection, $"PRAGMA user_version = {before}");
            // Numbered in the owner's range of the search index, as the release before wrote them (search_owners).
            Execute(connection, $"INSERT INTO search_owners (no, owner, last) VALUES (1, '{owner}', 2)");
            foreach (var (id, n) in new[] { ("6500000000000000000000a1", 1), ("6500000000000000000000a2", 2) })
                Execute(connection, $$"""
                    INSERT INTO contacts (id, owner, name, email, phone, phones, favorite, created_at, updated_at, name_lc, email_lc, phone_digits, search_id)
                    VALUES ('{{id}}', '{{owner}}', 'Ann', 'ann@example.com', '+1 555 0100',
                            '[{"_id":"6500000000000000000000cc","number":"+1 555 0100","label":"mobile"}]', 0, 0, 0, 'ann', 'ann@example.com', '15550100',
                            (1 << 32) + {{n}})
                    """);
        }

        var feed = await store.History.ChangesAsync(owner, 0, 10);
        await store.Contacts.EditAsync(owner, "6500000000000000000000a1", new ContactEdit.SetFields(DateTime.UnixEpoch.AddDays(1)) { Name = "Bo" });

        Assert.Equal(["6500000000000000000000a1", "6500000000000000000000a2"], feed.Changed.Select(c => c.Id));
        Assert.Equal([2L, 1L], (await store.History.VersionsAsync(owner, "6500000000000000000000a1"))!.Select(v => v.Version));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
