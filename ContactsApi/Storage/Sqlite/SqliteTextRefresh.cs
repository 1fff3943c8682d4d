using System.Diagnostics;
using ContactsApi.Contacts;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// Keeps every contact's sort keys and search columns (<see cref="SqliteTextColumns"/>) those of the configured
/// collation. The store records the collation, ICU's version of it and the format of the search columns
/// (<c>store_settings</c>); when one differs from this process's (another <c>Contacts:Collation</c>, an ICU
/// upgrade, rows from before schema step 4), every contact's columns are computed again at start, before the
/// service takes requests: in batches of a transaction each, with progress in the log. The record is removed
/// first and written last, so a start cut off midway does it all again next time.
/// </summary>
internal static class SqliteTextRefresh
{
    // Raise it when SearchText.Fold or the trigrams change, so that every store computes its columns again.
    private const string SearchTextFormat = "1";
    private const int Batch = 2_000;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public static void Run(CachedConnection c, ContactCollation collation, ILogger log)
    {
        var wanted = new Dictionary<string, string>
        {
            ["collation"] = collation.Name,
            ["collation_version"] = collation.Version,
            ["search_text_format"] = SearchTextFormat,
        };
        var recorded = c.Command("SELECT key, value FROM store_settings").Read(r => (r.GetString(0), r.GetString(1))).ToDictionary();
        if (wanted.All(setting => recorded.GetValueOrDefault(setting.Key) == setting.Value)) return;

        var total = (long)c.Command("SELECT count(*) FROM contacts").ExecuteScalar()!;
        log.LogInformation(
            "Computing the sort keys and search text of {Total} contacts for the collation {Collation} (ICU version {Version}); the store had {Recorded}",
            total, collation.Name, collation.Version, recorded.Count == 0 ? "none" : string.Join(", ", recorded.Select(s => $"{s.Key} {s.Value}")));
        InTransaction(c, tx => c.Command("DELETE FROM store_settings", tx).ExecuteNonQuery());

        var clock = Stopwatch.StartNew();
        var lastLog = TimeSpan.Zero;
        long done = 0, changed = 0, after = 0;
        while (true)
        {
            var rows = 0;
            InTransaction(c, tx =>
            {
                var batch = c.Command($"""
                    SELECT rowid, name, email, name_key, email_key, name_lc, email_lc, name_grams FROM contacts
                    WHERE rowid > $after ORDER BY rowid LIMIT {Batch}
                    """, tx).With("$after", after).Read(Stored.Read);
                foreach (var row in batch)
                {
                    if (Update(c, tx, row, SqliteTextColumns.Of(row.Name, row.Email, collation))) changed++;
                    after = row.RowId;
                }
                SqliteSearchIndex.ApplyPending(c, tx);
                rows = batch.Count;
            });
            done += rows;
            if (rows < Batch) break;
            if (clock.Elapsed - lastLog >= ProgressEvery)
            {
                lastLog = clock.Elapsed;
                log.LogInformation("Sort keys and search text: {Done} of {Total} contacts ({Percent:0}%)", done, total, 100.0 * done / Math.Max(total, 1));
            }
        }

        InTransaction(c, tx =>
        {
            foreach (var (key, value) in wanted)
                c.Command("INSERT INTO store_settings (key, value) VALUES ($key, $value)", tx).With("$key", key).With("$value", value).ExecuteNonQuery();
        });
        log.LogInformation("Sort keys and search text of {Done} contacts computed in {Seconds:0.0} s ({Changed} changed)",
            done, clock.Elapsed.TotalSeconds, changed);
    }

    /// <summary>Writes the columns that differ, only: a column a SET names fires its triggers and rewrites its index entries.</summary>
    private static bool Update(CachedConnection c, SqliteTransaction tx, Stored row, SqliteTextColumns wanted)
    {
        var set = new List<string>(5);
        if (!row.NameKey.AsSpan().SequenceEqual(wanted.NameKey)) set.Add("name_key = $name_key");
        if (!row.EmailKey.AsSpan().SequenceEqual(wanted.EmailKey)) set.Add("email_key = $email_key");
        if (row.NameFolded != wanted.NameFolded) set.Add("name_lc = $name_lc");
        if (row.EmailFolded != wanted.EmailFolded) set.Add("email_lc = $email_lc");
        if (row.NameGrams != wanted.NameGrams) set.Add("name_grams = $name_grams");
        if (set.Count == 0) return false;
        wanted.BindTo(c.Command($"UPDATE contacts SET {string.Join(", ", set)} WHERE rowid = $rowid", tx)).With("$rowid", row.RowId)
            .ExecuteNonQuery();
        return true;
    }

    private static void InTransaction(CachedConnection c, Action<SqliteTransaction> work)
    {
        using var tx = c.BeginTransaction(deferred: false);
        work(tx);
        tx.Commit();
    }

    private sealed record Stored(long RowId, string Name, string Email, byte[] NameKey, byte[] EmailKey, string NameFolded,
        string EmailFolded, string? NameGrams)
    {
        public static Stored Read(SqliteDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2),
            r.GetFieldValue<byte[]>(3), r.GetFieldValue<byte[]>(4), r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7));
    }
}
