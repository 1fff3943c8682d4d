using System.Text.Json;
using ContactsApi.Contacts;
using ContactsApi.DataMove;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// The change log (<c>contact_history</c>): a row for every write of a contact, appended inside that
/// write's transaction, so the log and the contacts never disagree. <c>seq</c> only grows (AUTOINCREMENT
/// never reuses a number), <c>version</c> counts the contact's changes, <c>was</c> and <c>state</c> say
/// where the contact was before and after (<see cref="Place"/>), and <c>previous</c> holds the version the
/// change replaced while it was in the list: what the history shows and an undo goes back to.
/// </summary>
internal static class SqliteContactLog
{
    /// <summary>Where a contact is: nowhere (before its creation), in the list, or in the trash.</summary>
    public enum Place { None = 0, Live = 1, Trashed = 2 }

    public static Task AppendAsync(CachedConnection c, SqliteTransaction tx, string owner, string id, DateTime at, Place was, Place state,
        Contact? previous, CancellationToken ct) =>
        // A create is the contact's first version: no lookup of its last one on the hot path of every create.
        c.Command(was == Place.None
            ? """
              INSERT INTO contact_history (owner, contact_id, at, version, was, state, previous)
              VALUES ($owner, $id, $at, 1, $was, $state, $previous)
              """
            : """
              INSERT INTO contact_history (owner, contact_id, at, version, was, state, previous)
              VALUES ($owner, $id, $at, coalesce((SELECT version FROM contact_history INDEXED BY contact_history_by_contact
                                                  WHERE owner = $owner AND contact_id = $id ORDER BY seq DESC LIMIT 1), 0) + 1,
                      $was, $state, $previous)
              """, tx)
            .With("$owner", owner).With("$id", id).With("$at", at.ToUnixMs()).With("$was", (int)was).With("$state", (int)state)
            .With("$previous", previous is null ? null : Serialize(previous))
            .ExecuteNonQueryAsync(ct);

    /// <summary>
    /// <see cref="AppendAsync"/> for contacts just created, in the order of <paramref name="ids"/>: an import's
    /// thousands of first versions in one statement.
    /// </summary>
    public static Task AppendCreatedAsync(CachedConnection c, SqliteTransaction tx, string owner, IReadOnlyList<string> ids, DateTime at,
        CancellationToken ct) =>
        ids.Count == 0
            ? Task.CompletedTask
            : c.Command("""
                  INSERT INTO contact_history (owner, contact_id, at, version, was, state, previous)
                  SELECT $owner, value, $at, 1, $was, $state, NULL FROM json_each($ids) ORDER BY key
                  """, tx)
                .With("$owner", owner).With("$ids", $"[{string.Join(',', ids.Select(id => $"\"{id}\""))}]")   // ObjectIds: hex, nothing to escape
                .With("$at", at.ToUnixMs()).With("$was", (int)Place.None).With("$state", (int)Place.Live)
                .ExecuteNonQueryAsync(ct);

    /// <summary>A contact as the log and the trash keep it: the whole document, as a data move's dump writes it.</summary>
    public static string Serialize(Contact contact) => JsonSerializer.Serialize(contact, DumpRecord.Json);

    public static Contact Deserialize(string json) => JsonSerializer.Deserialize<Contact>(json, DumpRecord.Json)!;
}
