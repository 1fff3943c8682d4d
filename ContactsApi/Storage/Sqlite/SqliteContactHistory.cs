using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.History;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Place = ContactsApi.Storage.Sqlite.SqliteContactLog.Place;

namespace ContactsApi.Storage.Sqlite;

/// <summary>The trash (<c>contacts_trash</c>) and the change log (<c>contact_history</c>, see <see cref="SqliteContactLog"/>).</summary>
public sealed class SqliteContactHistory(SqliteStore store, IOptions<ContactLimitOptions> limits) : IContactHistory
{
    private static readonly string LogColumns = string.Join(", ", SqliteContactRepository.Columns.Split(", ").Select(column => "c." + column));

    public Task<(IReadOnlyList<TrashedContact> Contacts, long Total)> ListTrashAsync(string owner, int skip, int limit,
        CancellationToken ct = default) =>
        store.ReadAsync(async c =>
        {
            await using var snapshot = c.BeginTransaction(deferred: true);
            var total = (long)(await c.Command("SELECT count(*) FROM contacts_trash WHERE owner = $owner", snapshot)
                .With("$owner", owner).ExecuteScalarAsync(ct))!;
            var page = await c.Command("""
                    SELECT contact, deleted_at FROM contacts_trash WHERE owner = $owner
                    ORDER BY deleted_at DESC, id DESC LIMIT $limit OFFSET $skip
                    """, snapshot).With("$owner", owner).With("$limit", limit).With("$skip", skip)
                .ReadAsync(r => new TrashedContact(SqliteContactLog.Deserialize(r.GetString(0)), SqliteCommands.FromUnixMs(r.GetInt64(1))), ct);
            await snapshot.CommitAsync(ct);
            return ((IReadOnlyList<TrashedContact>)page, total);
        }, ct);

    public Task<Outcome<Contact>> RestoreAsync(string owner, string id, DateTime now, CancellationToken ct = default) =>
        store.WriteAsync<Outcome<Contact>>(async (c, tx) =>
        {
            if (await TrashedAsync(c, tx, owner, id, ct) is not { } contact) return Refusal.NotFound;
            if (await SqliteContactRepository.NoRoomAsync(c, tx, limits.Value, owner, 1, ct) is { } full) return full;
            await RestoreAsync(c, tx, contact, now, ct);
            return contact;
        }, ct);

    private async Task RestoreAsync(CachedConnection c, SqliteTransaction tx, Contact contact, DateTime now, CancellationToken ct)
    {
        await c.Command("DELETE FROM contacts_trash WHERE id = $id AND owner = $owner", tx)
            .With("$id", contact.Id).With("$owner", contact.Owner).ExecuteNonQueryAsync(ct);
        await SqliteContactRepository.InsertAsync(c, tx, store.Collation, contact, ct);
        await SqliteContactLog.AppendAsync(c, tx, contact.Owner, contact.Id, now, Place.Trashed, Place.Live, null, ct);
    }

    public Task<bool> PurgeAsync(string owner, string? id, CancellationToken ct = default) =>
        store.WriteAloneAsync(async (c, tx) =>
        {
            var ids = await c.Command($"SELECT id FROM contacts_trash WHERE owner = $owner{(id is null ? "" : " AND id = $id")}", tx)
                .With("$owner", owner).With("$id", id).ReadAsync(r => r.GetString(0), ct);
            foreach (var trashed in ids) await PurgeAsync(c, tx, owner, trashed, ct);
            return ids.Count > 0;
        }, ct);

    /// <summary>
    /// A trashed contact gone for good: its photo, its versions and itself. The log keeps its last row, the
    /// delete, without the version, so a sync client that hasn't seen the delete yet still gets it.
    /// </summary>
    private static async Task PurgeAsync(CachedConnection c, SqliteTransaction tx, string owner, string id, CancellationToken ct)
    {
        foreach (var sql in new[]
                 {
                     """
                     DELETE FROM contact_history WHERE owner = $owner AND contact_id = $id
                     AND seq < (SELECT max(seq) FROM contact_history WHERE owner = $owner AND contact_id = $id)
                     """,
                     "UPDATE contact_history SET previous = NULL WHERE owner = $owner AND contact_id = $id",
                     "DELETE FROM contact_photos WHERE contact_id = $id AND owner = $owner",
                     "DELETE FROM contacts_trash WHERE id = $id AND owner = $owner",
                 })
            await c.Command(sql, tx).With("$owner", owner).With("$id", id).ExecuteNonQueryAsync(ct);
    }

    public Task<IReadOnlyList<ContactVersion>?> VersionsAsync(string owner, string id, CancellationToken ct = default) =>
        store.ReadAsync(async c =>
        {
            await using var snapshot = c.BeginTransaction(deferred: true);
            var live = await SqliteContactRepository.FindAsync(c, snapshot, owner, id, ct);
            if (live is null && await TrashedAsync(c, snapshot, owner, id, ct) is null) return null;
            var rows = await c.Command("""
                    SELECT version, was, previous FROM contact_history INDEXED BY contact_history_by_contact
                    WHERE owner = $owner AND contact_id = $id ORDER BY seq DESC
                    """, snapshot).With("$owner", owner).With("$id", id)
                .ReadAsync(r => (Version: r.GetInt64(0), Was: (Place)r.GetInt32(1), Previous: r.IsDBNull(2) ? null : r.GetString(2)), ct);
            await snapshot.CommitAsync(ct);
            var versions = new List<ContactVersion>(rows.Count + 1);
            if (live is not null) versions.Add(new ContactVersion(rows.Count > 0 ? rows[0].Version : 1, live.UpdatedAt, live));
            // A row holds the version before its change: the list's versions only, not a trashed one restored.
            foreach (var row in rows.Where(r => r is { Was: Place.Live, Previous: not null }))
            {
                var previous = SqliteContactLog.Deserialize(row.Previous!);
                versions.Add(new ContactVersion(row.Version - 1, previous.UpdatedAt, previous));
            }
            return (IReadOnlyList<ContactVersion>?)versions;
        }, ct);

    public Task<UndoCounts> UndoAsync(string owner, DateTime to, DateTime now, CancellationToken ct = default) =>
        store.WriteAloneAsync(async (c, tx) =>
        {
            // Each contact changed since that moment, with where it was and what it was just before its first change since.
            var rows = await c.Command("""
                    SELECT contact_id, was, previous FROM contact_history INDEXED BY contact_history_by_owner
                    WHERE owner = $owner AND at > $to ORDER BY seq
                    """, tx).With("$owner", owner).With("$to", to.ToUnixMs())
                .ReadAsync(r => (Id: r.GetString(0), Was: (Place)r.GetInt32(1), Previous: r.IsDBNull(2) ? null : r.GetString(2)), ct);
            var firsts = rows.DistinctBy(r => r.Id).ToList();
            int reverted = 0, restored = 0, trashed = 0;
            foreach (var (id, was, previous) in firsts)
            {
                var current = await SqliteContactRepository.FindAsync(c, tx, owner, id, ct);
                if (was != Place.Live)
                {
                    // Not in the list then (not yet made, or in the trash): out of it now.
                    if (current is null) continue;
                    await SqliteContactRepository.TrashAsync(c, tx, current, now, ct);
                    trashed++;
                    continue;
                }
                // In the list then, as this version; none when it has been purged since.
                if (previous is null) continue;
                var then = SqliteContactLog.Deserialize(previous);
                if (current is not null)
                {
                    if (ContactETag.Of(current) == ContactETag.Of(then)) continue;
                    await SqliteContactRepository.ChangeAsync(c, tx, store.Collation, owner, id, _ => then, ct, now);
                    reverted++;
                }
                else if (await TrashedAsync(c, tx, owner, id, ct) is not null)
                {
                    await RestoreAsync(c, tx, then, now, ct);
                    restored++;
                }
            }
            return new UndoCounts(reverted, restored, trashed);
        }, ct);

    public Task<ChangePage> ChangesAsync(string owner, long since, int limit, CancellationToken ct = default) =>
        store.ReadAsync(async c =>
        {
            // Each contact once, at its last change: a row with a later one for the same contact is passed over.
            var rows = await c.Command($"""
                    SELECT {LogColumns}, h.seq, h.contact_id, h.state FROM contact_history h INDEXED BY contact_history_by_owner
                    LEFT JOIN contacts c ON h.state = 1 AND c.id = h.contact_id AND c.owner = h.owner
                    WHERE h.owner = $owner AND h.seq > $since
                    AND NOT EXISTS (SELECT 1 FROM contact_history l INDEXED BY contact_history_by_contact
                                    WHERE l.owner = $owner AND l.contact_id = h.contact_id AND l.seq > h.seq)
                    ORDER BY h.seq LIMIT $limit
                    """).With("$owner", owner).With("$since", since).With("$limit", limit + 1)
                .ReadAsync(r => (Seq: r.GetInt64(SqliteContactRepository.ColumnCount), Id: r.GetString(SqliteContactRepository.ColumnCount + 1), Contact: r.IsDBNull(0) ? null : SqliteContactRepository.Read(r)), ct);
            var page = rows.Take(limit).ToList();
            return new ChangePage(
                page.Where(r => r.Contact is not null).Select(r => r.Contact!).ToList(),
                page.Where(r => r.Contact is null).Select(r => r.Id).ToList(),
                page.Count > 0 ? page[^1].Seq : since,
                rows.Count > limit);
        }, ct);

    public Task ForgetBeforeAsync(DateTime cutoff, CancellationToken ct = default) =>
        store.WriteAloneAsync(async (c, tx) =>
        {
            foreach (var sql in new[]
                     {
                         // The trash past the retention, gone for good, and its photos and versions with it.
                         """
                         DELETE FROM contact_photos WHERE contact_id IN (SELECT id FROM contacts_trash WHERE deleted_at < $cutoff)
                         """,
                         "DELETE FROM contact_history WHERE contact_id IN (SELECT id FROM contacts_trash WHERE deleted_at < $cutoff)",
                         "DELETE FROM contacts_trash WHERE deleted_at < $cutoff",
                         // Rows older than the retention that a later one replaced, and old deletes: no sync token
                         // that old is taken, and no undo goes back that far.
                         """
                         DELETE FROM contact_history WHERE at < $cutoff AND (state = 2 OR EXISTS (
                             SELECT 1 FROM contact_history l WHERE l.owner = contact_history.owner
                             AND l.contact_id = contact_history.contact_id AND l.seq > contact_history.seq))
                         """,
                         // A live contact's last row stays (a first sync finds it there), without the version it replaced.
                         "UPDATE contact_history SET previous = NULL WHERE at < $cutoff AND previous IS NOT NULL",
                     })
                await c.Command(sql, tx).With("$cutoff", cutoff.ToUnixMs()).ExecuteNonQueryAsync(ct);
            return true;
        }, ct, largeStatements: true);

    private static async Task<Contact?> TrashedAsync(CachedConnection c, SqliteTransaction? tx, string owner, string id, CancellationToken ct) =>
        (await c.Command("SELECT contact FROM contacts_trash WHERE id = $id AND owner = $owner", tx)
            .With("$id", id).With("$owner", owner).ReadAsync(r => SqliteContactLog.Deserialize(r.GetString(0)), ct)).SingleOrDefault();
}
