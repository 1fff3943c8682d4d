using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// Brings the contacts whose name or email changed into the trigram index (<c>contacts_fts</c>): the triggers note
/// them in <c>contacts_fts_pending</c>, and every transaction that writes contacts calls this before it commits.
/// FTS5 writes out what it holds at every savepoint, and the writer gives every write one: written directly, each
/// contact became a segment of its own, three times the index's cost a write. Noted, the group's contacts go in
/// together. Readers see only committed states, where nothing is pending.
/// </summary>
internal static class SqliteSearchIndex
{
    public static void ApplyPending(CachedConnection c, SqliteTransaction tx)
    {
        // Most groups that change no name or email (logins, phones, favorites) find nothing here.
        if (c.Command("SELECT EXISTS (SELECT 1 FROM contacts_fts_pending)", tx).ExecuteScalar() is 0L) return;
        c.Command("DELETE FROM contacts_fts WHERE rowid IN (SELECT search_id FROM contacts_fts_pending WHERE indexed)", tx)
            .ExecuteNonQuery();
        // CROSS JOIN keeps the pending few as the outer loop: the planner, without statistics, would walk every contact.
        c.Command("""
            INSERT INTO contacts_fts (rowid, name, email)
            SELECT c.search_id, c.name_lc, c.email_lc
            FROM contacts_fts_pending p CROSS JOIN contacts c INDEXED BY contacts_by_search_id ON c.search_id = p.search_id
            """, tx).ExecuteNonQuery();
        c.Command("DELETE FROM contacts_fts_pending", tx).ExecuteNonQuery();
    }
}
