using ContactsApi.Contacts;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// The entity tags of the contacts stored before the schema kept them (<see cref="SqliteMigrations.StoredETags"/>),
/// computed inside the migration's transaction: a start cut off midway leaves the file at the step before, and
/// the next start does it all again.
/// </summary>
internal static class SqliteETagFill
{
    private const int Batch = 2_000;

    public static void Run(CachedConnection c, SqliteTransaction tx, ILogger log)
    {
        long after = 0, done = 0;
        while (true)
        {
            var rows = c.Command($"""
                SELECT {SqliteContactRepository.Columns}, rowid FROM contacts WHERE rowid > $after ORDER BY rowid LIMIT {Batch}
                """, tx).With("$after", after).Read(r => (Contact: SqliteContactRepository.Read(r), RowId: r.GetInt64(SqliteContactRepository.ColumnCount)));
            foreach (var (contact, rowId) in rows)
            {
                c.Command("UPDATE contacts SET etag = $etag WHERE rowid = $rowid", tx)
                    .With("$etag", ContactETag.Of(contact)).With("$rowid", rowId).ExecuteNonQuery();
                after = rowId;
            }
            done += rows.Count;
            if (rows.Count < Batch) break;
        }
        log.LogInformation("Stored the entity tags of {Done} contacts", done);
    }
}
