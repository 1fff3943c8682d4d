using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactsApi.Common;
using ContactsApi.Contacts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Place = ContactsApi.Storage.Sqlite.SqliteContactLog.Place;

namespace ContactsApi.Storage.Sqlite;

public sealed class SqliteContactRepository(SqliteStore store, IOptions<ContactLimitOptions> limits) : IContactRepository
{
    internal const string Columns =
        "id, owner, name, email, phones, favorite, created_at, updated_at, emails, organization, title, birthday, notes, addresses, uid, kept, photo";
    /// <summary>How many <see cref="Columns"/> names: the index of the first column a query reads after them.</summary>
    internal static readonly int ColumnCount = Columns.Split(", ").Length;
    /// <summary><see cref="Columns"/> and the stored entity tag, which <see cref="ReadTagged"/> reads.</summary>
    internal const string TaggedColumns = Columns + ", etag";
    internal const string KeptCount = "SELECT coalesce((SELECT n FROM contact_counts WHERE owner = $owner), 0)";

    public Task<(IReadOnlyList<Contact> Contacts, long Total)> ListAsync(string owner, ContactQuery query, CancellationToken ct = default) =>
        // One snapshot for the total and the page, so they agree, and a page read from the far end is exact.
        store.ReadAsync(c => c.SnapshotAsync(async () =>
        {
            var list = new SqliteContactList(c, owner, query);
            var total = await list.CountAsync(ct);
            if (query.Skip >= total) return ((IReadOnlyList<Contact>)[], total);
            return ((IReadOnlyList<Contact>)await list.PageAsync(total, ct), total);
        }, ct), ct);

    public Task<Contact?> FindAsync(string owner, string id, CancellationToken ct = default) =>
        store.ReadAsync(c => FindAsync(c, null, owner, id, ct), ct);

    public Task<TaggedContact?> FindTaggedAsync(string owner, string id, CancellationToken ct = default) =>
        store.ReadAsync(c => FindTaggedAsync(c, null, owner, id, ct), ct);

    public Task<Refusal?> AddAsync(Contact contact, CancellationToken ct = default) =>
        store.WriteAsync(async (c, tx) =>
        {
            if (await NoRoomAsync(c, tx, contact.Owner, 1, ct) is { } full) return full;
            await InsertAsync(c, tx, store.Collation, contact.WithEmailsInStep(), ct);
            await SqliteContactLog.AppendAsync(c, tx, contact.Owner, contact.Id, contact.UpdatedAt, Place.None, Place.Live, null, ct);
            return null;
        }, ct);

    /// <summary>A new contact's row, numbered in its owner's range of the search index (search_owners).</summary>
    internal static async Task<int> InsertAsync(CachedConnection c, SqliteTransaction tx, ContactCollation collation, Contact contact,
        CancellationToken ct) =>
        await InsertAsync(c, tx, collation, contact, await SearchIdsAsync(c, tx, contact.Owner, 1, ct), ct);

    /// <summary>The first of <paramref name="count"/> new numbers in the owner's range of the search index, taken at once.</summary>
    private static async Task<long> SearchIdsAsync(CachedConnection c, SqliteTransaction tx, string owner, int count, CancellationToken ct) =>
        (long)(await c.Command("""
            INSERT INTO search_owners (owner, last) VALUES ($owner, $count) ON CONFLICT (owner) DO UPDATE SET last = last + $count
            RETURNING (no << 32) + last - $count + 1
            """, tx).With("$owner", owner).With("$count", count).ExecuteScalarAsync(ct))!;

    private static Task<int> InsertAsync(CachedConnection c, SqliteTransaction tx, ContactCollation collation, Contact contact, long searchId,
        CancellationToken ct) =>
        Bind(c.Command($"""
            INSERT INTO contacts ({TaggedColumns}, phone, phone_digits, name_lc, email_lc, name_key, email_key, name_grams, search_id)
            VALUES ($id, $owner, $name, $email, $phones, $favorite, $created, $updated, $emails, $organization, $title, $birthday, $notes,
                    $addresses, $uid, $kept, $photo, $etag, $phone, $digits, $name_lc, $email_lc, $name_key, $email_key, $name_grams, $search_id)
            """, tx), contact, collation).With("$search_id", searchId).ExecuteNonQueryAsync(ct);

    /// <summary>
    /// The refusal (403) of a write that would take the owner past <see cref="ContactLimitOptions.ContactsPerUser"/>
    /// with <paramref name="adding"/> more contacts. Call it inside the write that adds them: the kept count
    /// is read in that transaction, and the one writer runs writes one after another, so two creates can
    /// never both take the last place.
    /// </summary>
    internal Task<Refusal?> NoRoomAsync(CachedConnection c, SqliteTransaction tx, string owner, int adding, CancellationToken ct) =>
        NoRoomAsync(c, tx, limits.Value, owner, adding, ct);

    internal static async Task<Refusal?> NoRoomAsync(CachedConnection c, SqliteTransaction tx, ContactLimitOptions limits, string owner, int adding,
        CancellationToken ct)
    {
        var count = (long)(await c.Command(KeptCount, tx).With("$owner", owner).ExecuteScalarAsync(ct))!;
        return count + adding > limits.ContactsPerUser ? limits.Reached() : null;
    }

    public Task<Outcome<Contact>> UpdateAsync(string owner, string id, Func<Contact, Outcome<Contact>> change, CancellationToken ct = default) =>
        store.WriteAsync((c, tx) => ChangeAsync(c, tx, store.Collation, owner, id, change, ct), ct);

    /// <summary>
    /// Every change of a stored contact, whatever made it (a request, an import, an undo), goes through here,
    /// inside its write's transaction: the contact as it was is read, changed and written back, and the version
    /// it replaced goes to the change log. <paramref name="at"/> is the change's time when it is not the
    /// contact's new <c>updatedAt</c> (an undo writes an earlier version back as it was).
    /// </summary>
    internal static async Task<Outcome<Contact>> ChangeAsync(CachedConnection c, SqliteTransaction tx, ContactCollation collation,
        string owner, string id, Func<Contact, Outcome<Contact>> change, CancellationToken ct, DateTime? at = null)
    {
        var current = await FindAsync(c, tx, owner, id, ct);
        if (current is null) return Refusal.NotFound;
        var outcome = change.ApplyTo(current);
        if (outcome.Value is not { } updated) return outcome;
        await Bind(c.Command($"UPDATE contacts SET {ChangedColumns(current, updated)} WHERE id = $id AND owner = $owner", tx), updated,
            updated.Name != current.Name || updated.Email != current.Email ? collation : null).ExecuteNonQueryAsync(ct);
        await SqliteContactLog.AppendAsync(c, tx, owner, id, at ?? updated.UpdatedAt, Place.Live, Place.Live, current, ct);
        return updated;
    }

    /// <summary>
    /// The edit made in memory inside the write: writes go through one writer, so reading, applying
    /// and writing back is already one atomic step, and the UPDATE names only the changed columns.
    /// </summary>
    public Task<Outcome<Contact>> EditAsync(string owner, string id, ContactEdit edit, CancellationToken ct = default) =>
        UpdateAsync(owner, id, edit.ApplyTo, ct);

    /// <summary>
    /// The SET list of an update: only the columns whose values change, and the time. SQLite rewrites the
    /// entries of every index on a column the SET names, changed or not, and every page it rewrites is
    /// another WAL frame: naming all of them made each update rewrite all seven indexes. A name's or email's sort
    /// key and search columns change with it (and, by triggers, the search index and the trigram counts). The
    /// entity tag, in no index, is written with every change.
    /// </summary>
    private static string ChangedColumns(Contact current, Contact updated)
    {
        var set = new List<string>(8);
        if (updated.Name != current.Name) set.Add("name = $name, name_lc = $name_lc, name_key = $name_key, name_grams = $name_grams");
        if (updated.Email != current.Email) set.Add("email = $email, email_lc = $email_lc, email_key = $email_key");
        if (!updated.Phones.SequenceEqual(current.Phones)) set.Add("phones = $phones, phone = $phone, phone_digits = $digits");
        if (updated.Favorite != current.Favorite) set.Add("favorite = $favorite");
        // The card's other columns are in no index but uid's: written together whenever any of them changes.
        if (!updated.Emails.SequenceEqual(current.Emails) || !updated.Addresses.SequenceEqual(current.Addresses)
            || updated.Organization != current.Organization || updated.Title != current.Title || updated.Birthday != current.Birthday
            || updated.Notes != current.Notes || !updated.Kept.SequenceEqual(current.Kept) || updated.PhotoTag != current.PhotoTag)
            set.Add("emails = $emails, addresses = $addresses, organization = $organization, title = $title, birthday = $birthday, " +
                    "notes = $notes, kept = $kept, photo = $photo");
        if (updated.Uid != current.Uid) set.Add("uid = $uid");
        set.Add("updated_at = $updated, etag = $etag");
        return string.Join(", ", set);
    }

    public Task<Refusal?> DeleteAsync(string owner, string id, DateTime now, Func<Contact, Refusal?>? check = null,
        CancellationToken ct = default) =>
        store.WriteAsync(async (c, tx) =>
        {
            var current = await FindAsync(c, tx, owner, id, ct);
            if (current is null) return Refusal.NotFound;
            if (check?.Invoke(current) is { } refused) return refused;
            await TrashAsync(c, tx, current, now, ct);
            return (Refusal?)null;
        }, ct);

    /// <summary>
    /// Moves the contact to the trash, its photo kept until the trash is purged. A table of its own rather than
    /// a flag on the row: every list, search, count and index of <c>contacts</c> stays as it was, free of it.
    /// </summary>
    internal static async Task TrashAsync(CachedConnection c, SqliteTransaction tx, Contact contact, DateTime now, CancellationToken ct)
    {
        await c.Command("DELETE FROM contacts WHERE id = $id AND owner = $owner", tx)
            .With("$id", contact.Id).With("$owner", contact.Owner).ExecuteNonQueryAsync(ct);
        await c.Command("INSERT INTO contacts_trash (id, owner, deleted_at, contact) VALUES ($id, $owner, $at, $contact)", tx)
            .With("$id", contact.Id).With("$owner", contact.Owner).With("$at", now.ToUnixMs())
            .With("$contact", SqliteContactLog.Serialize(contact)).ExecuteNonQueryAsync(ct);
        await SqliteContactLog.AppendAsync(c, tx, contact.Owner, contact.Id, now, Place.Live, Place.Trashed, contact, ct);
    }

    // A trashed contact's photo stays for its restore, but no request sees it meanwhile.
    public Task<ContactPhoto?> FindPhotoAsync(string owner, string id, CancellationToken ct = default) =>
        store.ReadAsync(async c => (await c.Command("""
                SELECT media_type, data FROM contact_photos WHERE contact_id = $id AND owner = $owner
                AND EXISTS (SELECT 1 FROM contacts WHERE id = $id AND owner = $owner)
                """)
            .With("$id", id).With("$owner", owner).ReadAsync(r => ReadPhoto(r, 0), ct)).SingleOrDefault(), ct);

    public Task<bool> PutPhotoAsync(string owner, string id, ContactPhoto photo, CancellationToken ct = default) =>
        store.WriteAsync(async (c, tx) =>
        {
            // The photo's tag is part of the contact, so its entity tag changes with it.
            if (await FindAsync(c, tx, owner, id, ct) is not { } contact) return false;
            await c.Command("UPDATE contacts SET photo = $photo, etag = $etag WHERE id = $id AND owner = $owner", tx)
                .With("$photo", photo.Tag).With("$etag", ContactETag.Of(contact with { PhotoTag = photo.Tag }))
                .With("$id", id).With("$owner", owner).ExecuteNonQueryAsync(ct);
            await WritePhotoAsync(c, tx, owner, id, photo, ct);
            return true;
        }, ct);

    /// <summary>The photo row of a contact: replaced by <paramref name="photo"/>, or deleted when it is null.</summary>
    internal static async Task WritePhotoAsync(CachedConnection c, SqliteTransaction tx, string owner, string id, ContactPhoto? photo,
        CancellationToken ct)
    {
        if (photo is null)
        {
            await c.Command("DELETE FROM contact_photos WHERE contact_id = $id AND owner = $owner", tx)
                .With("$id", id).With("$owner", owner).ExecuteNonQueryAsync(ct);
            return;
        }
        await c.Command("""
            INSERT INTO contact_photos (contact_id, owner, media_type, data) VALUES ($id, $owner, $type, $data)
            ON CONFLICT (contact_id) DO UPDATE SET media_type = excluded.media_type, data = excluded.data WHERE owner = excluded.owner
            """, tx).With("$id", id).With("$owner", owner).With("$type", photo.MediaType).With("$data", photo.Data).ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Pages along the created_at index, each after the last one's (created_at, id): a page is a short read of
    /// its own. One read for all of them would keep its snapshot, and so the WAL, from being checkpointed for as
    /// long as the client takes to read the answer.
    /// </summary>
    public async IAsyncEnumerable<Contact> StreamOwnedAsync(string owner, [EnumeratorCancellation] CancellationToken ct = default)
    {
        const int pageSize = 500;
        for (var (at, after) = (long.MinValue, ""); ;)
        {
            var page = await store.ReadAsync(c => c.Command($"""
                    SELECT {Columns} FROM contacts INDEXED BY contacts_by_created_at
                    WHERE owner = $owner AND (created_at, id) > ($at, $after) ORDER BY created_at, id LIMIT {pageSize}
                    """).With("$owner", owner).With("$at", at).With("$after", after).ReadAsync(Read, ct), ct);
            foreach (var contact in page) yield return contact;
            if (page.Count < pageSize) yield break;
            (at, after) = (page[^1].CreatedAt.ToUnixMs(), page[^1].Id);
        }
    }

    /// <summary>Three short columns of each of the owner's rows: no JSON column is read or parsed, no tag computed.</summary>
    public async IAsyncEnumerable<ContactTag> StreamTagsAsync(string owner, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // One short read: 10,000 rows of three short strings take a few milliseconds, and hold little.
        var tags = await store.ReadAsync(c => c.Command("SELECT id, uid, etag FROM contacts WHERE owner = $owner").With("$owner", owner)
            .ReadAsync(r => new ContactTag(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2)), ct), ct);
        foreach (var tag in tags) yield return tag;
    }

    public Task<Outcome<ImportCounts>> ImportAsync(string owner, IReadOnlyList<ImportedCard> cards, DateTime now,
        Func<ImportCounts, Refusal?> approve, CancellationToken ct = default) =>
        // One write: matched and written in one transaction, which a failure anywhere rolls back whole.
        store.WriteAloneAsync<Outcome<ImportCounts>>(async (c, tx) =>
        {
            var matching = new CardMatching();
            var plan = new List<(ImportedCard Card, Contact? Match)>(cards.Count);
            // An empty book, a phone's first backup, has nothing to match: two lookups a card saved.
            var empty = (long)(await c.Command(KeptCount, tx).With("$owner", owner).ExecuteScalarAsync(ct))! == 0;
            foreach (var card in cards)
            {
                Contact? match = null;
                if (!empty)
                {
                    if (card.Contact.Uid is { } uid) match = matching.ByUid(card.Contact, (await ByUidAsync(c, tx, owner, uid, ct)).Select(t => t.Contact));
                    match ??= matching.ByName(card.Contact, await ByNameAsync(c, tx, owner, card.Contact.Name, ct));
                }
                plan.Add((card, match));
            }
            var created = plan.Count(p => p.Match is null);
            var unchanged = plan.Count(p => p.Match is { } m && CardMatching.Holds(m, p.Card.Contact));
            var counts = new ImportCounts(created, plan.Count - created - unchanged, unchanged);
            if (await NoRoomAsync(c, tx, owner, created, ct) is { } full) return full;
            if (approve(counts) is { } refused) return refused;

            // The new contacts' numbers and log rows a statement each for all of them, not a statement each a contact.
            var searchId = created > 0 ? await SearchIdsAsync(c, tx, owner, created, ct) : 0;
            var createdIds = new List<string>(created);
            foreach (var (card, match) in plan)
            {
                if (match is null)
                {
                    var contact = card.Contact with { Id = ObjectIds.New(), Owner = owner, CreatedAt = now, UpdatedAt = now };
                    await InsertAsync(c, tx, store.Collation, contact, searchId++, ct);
                    createdIds.Add(contact.Id);
                    if (card.Photo is not null) await WritePhotoAsync(c, tx, owner, contact.Id, card.Photo, ct);
                }
                else if (!CardMatching.Holds(match, card.Contact))
                {
                    var edit = new ContactEdit.FromCard(card.Contact, now);
                    await ChangeAsync(c, tx, store.Collation, owner, match.Id, edit.ApplyTo, ct);
                    if (match.PhotoTag != card.Contact.PhotoTag) await WritePhotoAsync(c, tx, owner, match.Id, card.Photo, ct);
                }
            }
            await SqliteContactLog.AppendCreatedAsync(c, tx, owner, createdIds, now, ct);
            return counts;
        }, ct);

    /// <summary>The owner's contacts with this UID, and the one whose id it is (the export's UID of a contact made here).</summary>
    public Task<IReadOnlyList<TaggedContact>> FindByUidAsync(string owner, string uid, CancellationToken ct = default) =>
        store.ReadAsync(async c => (IReadOnlyList<TaggedContact>)(await ByUidAsync(c, null, owner, uid, ct))
            .Where(t => (t.Contact.Uid ?? t.Contact.Id) == uid).OrderBy(t => t.Contact.Id, StringComparer.Ordinal).ToList(), ct);

    private static async Task<List<TaggedContact>> ByUidAsync(CachedConnection c, SqliteTransaction? tx, string owner, string uid,
        CancellationToken ct)
    {
        var found = await c.Command($"SELECT {TaggedColumns} FROM contacts WHERE owner = $owner AND uid = $uid", tx)
            .With("$owner", owner).With("$uid", uid).ReadAsync(ReadTagged, ct);
        if (ObjectIds.IsValid(uid) && await FindTaggedAsync(c, tx, owner, uid, ct) is { } byId) found.Add(byId);
        return found;
    }

    /// <summary>
    /// The owner's contacts with this name in any case (its folded text, in every script), along the search
    /// columns' index; the matching compares it exactly.
    /// </summary>
    private static Task<List<Contact>> ByNameAsync(CachedConnection c, SqliteTransaction tx, string owner, string name, CancellationToken ct) =>
        c.Command($"SELECT {Columns} FROM contacts WHERE owner = $owner AND name_lc = $name_lc", tx)
            .With("$owner", owner).With("$name_lc", SearchText.Fold(name)).ReadAsync(Read, ct);

    /// <summary>
    /// A query an owner, each an index walk in name order. One query over all of them in the list's order
    /// would sort every contact of the list before its first row (SQLite can't see that the list's rows come
    /// in order), and an answer that must be held whole is what this read exists to avoid.
    /// </summary>
    public async IAsyncEnumerable<Contact> StreamByOwnersAsync(IReadOnlyList<string> owners, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var owner in owners)
            await foreach (var contact in store.StreamAsync(c => c.Command(
                               $"SELECT {Columns} FROM contacts INDEXED BY contacts_by_name WHERE owner = $owner ORDER BY name_key, id")
                           .With("$owner", owner), Read, ct))
                yield return contact;
    }

    public Task<IReadOnlyList<Contact>> ListAfterAsync(string? afterId, int limit, CancellationToken ct = default) =>
        store.ReadAsync(async c => (IReadOnlyList<Contact>)await
            c.Command($"SELECT {Columns} FROM contacts WHERE id > $after ORDER BY id LIMIT $limit")
                .With("$after", afterId ?? "").With("$limit", limit).ReadAsync(Read, ct), ct);

    internal static async Task<Contact?> FindAsync(CachedConnection c, SqliteTransaction? tx, string owner, string id, CancellationToken ct)
    {
        var command = c.Command($"SELECT {Columns} FROM contacts WHERE id = $id AND owner = $owner", tx)
            .With("$id", id).With("$owner", owner);
        return (await command.ReadAsync(Read, ct)).SingleOrDefault();
    }

    private static async Task<TaggedContact?> FindTaggedAsync(CachedConnection c, SqliteTransaction? tx, string owner, string id,
        CancellationToken ct) =>
        (await c.Command($"SELECT {TaggedColumns} FROM contacts WHERE id = $id AND owner = $owner", tx)
            .With("$id", id).With("$owner", owner).ReadAsync(ReadTagged, ct)).SingleOrDefault();

    /// <summary>The contact's values; with a <paramref name="collation"/>, also its name's and email's sort keys and search columns.</summary>
    private static SqliteCommand Bind(SqliteCommand command, Contact contact, ContactCollation? collation) =>
        (collation is not null ? SqliteTextColumns.Of(contact.Name, contact.Email, collation).BindTo(command) : command)
        .With("$id", contact.Id).With("$owner", contact.Owner).With("$name", contact.Name).With("$email", contact.Email)
        .With("$phones", JsonSerializer.Serialize(contact.Phones.Select(p => new PhoneRow { Id = p.Id, Number = p.Number, Label = p.Label }).ToArray(),
            PhoneRowsJson.Default.PhoneRowArray))
        .With("$favorite", contact.Favorite)
        .With("$created", contact.CreatedAt.ToUnixMs()).With("$updated", contact.UpdatedAt.ToUnixMs())
        .With("$emails", JsonSerializer.Serialize(contact.Emails.Select(e => new EmailRow { Id = e.Id, Address = e.Address, Label = e.Label }).ToArray(),
            PhoneRowsJson.Default.EmailRowArray))
        .With("$organization", contact.Organization).With("$title", contact.Title).With("$birthday", contact.Birthday).With("$notes", contact.Notes)
        .With("$addresses", JsonSerializer.Serialize(contact.Addresses.Select(AddressRow.From).ToArray(), PhoneRowsJson.Default.AddressRowArray))
        .With("$uid", contact.Uid)
        .With("$kept", JsonSerializer.Serialize(contact.Kept, PhoneRowsJson.Default.IReadOnlyListString))
        .With("$photo", contact.PhotoTag)
        .With("$etag", ContactETag.Of(contact))
        .With("$phone", contact.Phone)
        // Numbers are kept apart by spaces so a search never matches across two of them.
        .With("$digits", string.Join(' ', contact.Phones.Select(p => Phone.Digits(p.Number))));

    private static ContactPhoto ReadPhoto(SqliteDataReader reader, int at) =>
        new(reader.IsDBNull(at) ? null : reader.GetString(at), reader.GetFieldValue<byte[]>(at + 1));

    /// <summary>A row of <see cref="TaggedColumns"/>.</summary>
    internal static TaggedContact ReadTagged(SqliteDataReader reader) => new(Read(reader), reader.GetString(ColumnCount));

    internal static Contact Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Owner = reader.GetString(1),
        Name = reader.GetString(2),
        Email = reader.GetString(3),
        Phones = SqliteJsonColumns.Phones(reader.GetFieldValue<byte[]>(4)),
        Favorite = reader.GetBoolean(5),
        CreatedAt = SqliteCommands.FromUnixMs(reader.GetInt64(6)),
        UpdatedAt = SqliteCommands.FromUnixMs(reader.GetInt64(7)),
        Emails = SqliteJsonColumns.Emails(reader.GetFieldValue<byte[]>(8)),
        Organization = reader.IsDBNull(9) ? null : reader.GetString(9),
        Title = reader.IsDBNull(10) ? null : reader.GetString(10),
        Birthday = reader.IsDBNull(11) ? null : reader.GetString(11),
        Notes = reader.IsDBNull(12) ? null : reader.GetString(12),
        Addresses = SqliteJsonColumns.Addresses(reader.GetFieldValue<byte[]>(13)),
        Uid = reader.IsDBNull(14) ? null : reader.GetString(14),
        Kept = SqliteJsonColumns.Strings(reader.GetFieldValue<byte[]>(15)),
        PhotoTag = reader.IsDBNull(16) ? null : reader.GetString(16),
    };

    /// <summary>
    /// A phone as the JSON column holds it: the MongoDB document's shape. Written by the generated serializer;
    /// read back by <see cref="SqliteJsonColumns"/>.
    /// </summary>
    internal sealed class PhoneRow
    {
        [JsonPropertyName("_id")] public string Id { get; set; } = "";
        [JsonPropertyName("number")] public string Number { get; set; } = "";
        [JsonPropertyName("label")] public string Label { get; set; } = "";
    }

    internal sealed class EmailRow
    {
        [JsonPropertyName("_id")] public string Id { get; set; } = "";
        [JsonPropertyName("address")] public string Address { get; set; } = "";
        [JsonPropertyName("label")] public string Label { get; set; } = "";
    }

    internal sealed class AddressRow
    {
        [JsonPropertyName("_id")] public string Id { get; set; } = "";
        [JsonPropertyName("label")] public string Label { get; set; } = "";
        [JsonPropertyName("street")] public string Street { get; set; } = "";
        [JsonPropertyName("city")] public string City { get; set; } = "";
        [JsonPropertyName("region")] public string Region { get; set; } = "";
        [JsonPropertyName("postcode")] public string Postcode { get; set; } = "";
        [JsonPropertyName("country")] public string Country { get; set; } = "";

        public static AddressRow From(ContactAddress a) => new()
        {
            Id = a.Id, Label = a.Label, Street = a.Street, City = a.City, Region = a.Region, Postcode = a.Postcode, Country = a.Country,
        };
    }
}

/// <summary>
/// The JSON columns (phones, emails, addresses, kept) as they are written, generated at build time; they are read
/// by <see cref="SqliteJsonColumns"/>.
/// </summary>
[JsonSerializable(typeof(SqliteContactRepository.PhoneRow[]))]
[JsonSerializable(typeof(SqliteContactRepository.EmailRow[]))]
[JsonSerializable(typeof(SqliteContactRepository.AddressRow[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class PhoneRowsJson : JsonSerializerContext;
