using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ContactsApi.Common;
using ContactsApi.Contacts;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

public sealed class MongoContactRepository(MongoStore store, IOptions<ContactLimitOptions> limits) : IContactRepository
{
    /// <summary>The stored field each sort key orders by (see the indexes in <see cref="MongoStore"/>).</summary>
    internal static readonly string[] SortFields = Enum.GetValues<ContactSort>().Select(SortField).ToArray();

    /// <summary>
    /// The fields sorted by the collation. The others (the first phone, favorite, the times) compare as the
    /// SQLite store compares them, by value: their queries take no collation.
    /// </summary>
    internal static readonly string[] CollatedFields = [SortField(ContactSort.Name), SortField(ContactSort.Email)];

    private static readonly FilterDefinitionBuilder<ContactDocument> Filter = Builders<ContactDocument>.Filter;

    public async Task<(IReadOnlyList<Contact> Contacts, long Total)> ListAsync(string owner, ContactQuery query, CancellationToken ct = default)
    {
        var filter = OwnedBy(owner);
        if (query.Name is not null) filter &= Filter.Regex(c => c.NameLower, Literal(query.Name));
        if (query.Email is not null) filter &= Filter.Regex(c => c.EmailLower, Literal(query.Email));
        if (query.PhoneDigits is not null) filter &= Filter.Regex("phoneDigits", Literal(query.PhoneDigits));
        if (query.Favorite is not null) filter &= Filter.Eq(c => c.Favorite, query.Favorite.Value);

        var field = SortField(query.Sort);
        // The count as the find: the regular expressions aren't collation-aware, so the count is the same either
        // way, and both may use the indexes of the folded copies, whose keys the server tests without the documents.
        var collation = CollatedFields.Contains(field) ? store.Collation : null;
        var total = await store.Contacts.CountDocumentsAsync(filter, new CountOptions { Collation = collation }, ct);
        var sort = query.Descending
            ? Builders<ContactDocument>.Sort.Descending(field).Descending(c => c.Id)
            : Builders<ContactDocument>.Sort.Ascending(field).Ascending(c => c.Id);
        var page = await store.Contacts.Find(filter, new FindOptions { Collation = collation })
            .Sort(sort).Skip(query.Skip).Limit(query.Limit).ToListAsync(ct);
        return (page.Select(c => c.ToContact()).ToList(), total);
    }

    public async Task<Contact?> FindAsync(string owner, string id, CancellationToken ct = default) =>
        ObjectIds.IsValid(id) && ObjectIds.IsValid(owner)
            ? (await store.Contacts.Find(Mine(owner, id)).FirstOrDefaultAsync(ct))?.ToContact()
            : null;

    public async Task<TaggedContact?> FindTaggedAsync(string owner, string id, CancellationToken ct = default) =>
        ObjectIds.IsValid(id) && ObjectIds.IsValid(owner)
            ? (await store.Contacts.Find(Mine(owner, id)).FirstOrDefaultAsync(ct))?.ToTagged()
            : null;

    public async Task<Refusal?> AddAsync(Contact contact, CancellationToken ct = default)
    {
        await store.Contacts.InsertOneAsync(ContactDocument.From(contact.WithEmailsInStep(), version: 0), cancellationToken: ct);
        if (await TakeBackPastTheLimitAsync(contact.Owner, [contact.Id]) is { } full) return full;
        await MongoContactLog.AppendAsync(store, null, contact.Owner, contact.Id, contact.UpdatedAt, MongoContactLog.Nowhere, MongoContactLog.Live,
            null, CancellationToken.None);
        return null;
    }

    /// <summary>
    /// The contact limit, for a write that has just inserted <paramref name="added"/>: MongoDB keeps no count
    /// per owner to check and raise in one step, so the owner's contacts are counted after the insert (an
    /// index walk, stopping past the limit) and, if they are too many, the write takes its own back out and
    /// refuses. Each write counts once its insert is in, so the last of concurrent creates to count sees all
    /// the others: the owner never ends past the limit. Creates racing for the last places may all be refused.
    /// Past the insert, the request's token no longer applies: a write cut off there could be left past it.
    /// </summary>
    internal async Task<Refusal?> TakeBackPastTheLimitAsync(string owner, IReadOnlyCollection<string> added)
    {
        var limit = limits.Value.ContactsPerUser;
        if (await store.Contacts.CountDocumentsAsync(OwnedBy(owner), new CountOptions { Limit = limit + 1L }) <= limit) return null;
        await store.Contacts.DeleteManyAsync(OwnedBy(owner) & Filter.In(c => c.Id, added));
        return limits.Value.Reached();
    }

    public Task<Outcome<Contact>> UpdateAsync(string owner, string id, Func<Contact, Outcome<Contact>> change, CancellationToken ct = default) =>
        ChangeAsync(null, owner, id, change, ct);

    /// <summary>
    /// The read-change-write path that every change of a stored contact takes unless it can be one server-side
    /// update (<see cref="MongoContactEdits"/>): a request's, or an import's or an undo's, then inside its
    /// transaction. The version it replaced goes to the change log; <paramref name="at"/> is the change's time
    /// when it is not the contact's new <c>updatedAt</c> (an undo writes an earlier version back as it was).
    /// </summary>
    internal async Task<Outcome<Contact>> ChangeAsync(IClientSessionHandle? session, string owner, string id,
        Func<Contact, Outcome<Contact>> change, CancellationToken ct, DateTime? at = null)
    {
        if (!ObjectIds.IsValid(id) || !ObjectIds.IsValid(owner)) return Refusal.NotFound;
        var mine = Mine(owner, id);
        for (var failures = 0; ; )
        {
            var current = await Find(session, mine).FirstOrDefaultAsync(ct);
            if (current is null) return Refusal.NotFound;
            var outcome = change.ApplyTo(current.ToContact());
            if (outcome.Value is not { } updated) return outcome;
            // Optimistic concurrency: the write lands only if nobody wrote since the read; otherwise
            // wait a little, read again and re-apply the change to what the other writer left. $set
            // rather than a replacement, so fields this version doesn't know survive the update.
            var guarded = mine & AtVersion(current.Version);
            var result = session is null
                ? await store.Contacts.UpdateOneAsync(guarded, Written(updated), cancellationToken: ct)
                : await store.Contacts.UpdateOneAsync(session, guarded, Written(updated), cancellationToken: ct);
            if (result.MatchedCount == 1)
            {
                await MongoContactLog.AppendAsync(store, session, owner, id, at ?? updated.UpdatedAt, MongoContactLog.Live, MongoContactLog.Live,
                    current.ToContact(), ct);
                return updated;
            }
            if (++failures == Backoff.UpdateAttempts)
                throw new StoreUnavailableException($"Contact {id} changed under {failures} updates in a row");
            await Backoff.AfterLostRaceAsync(failures, ct);
        }
    }

    public async Task<Outcome<Contact>> EditAsync(string owner, string id, ContactEdit edit, CancellationToken ct = default)
    {
        if (MongoContactEdits.NeedsTheStoredContact(edit)) return await UpdateAsync(owner, id, edit.ApplyTo, ct);
        if (!ObjectIds.IsValid(id) || !ObjectIds.IsValid(owner)) return Refusal.NotFound;
        var mine = Mine(owner, id);
        var (guard, update) = MongoContactEdits.Of(edit);
        for (var failures = 0; ; )
        {
            // The document as it was: the change log keeps it, and the edit applied to it is what the update wrote.
            var before = await store.Contacts.FindOneAndUpdateAsync(mine & guard, update, ReturnReplaced, ct);
            if (before is not null)
            {
                var previous = before.ToContact();
                var written = ((Func<Contact, Outcome<Contact>>)edit.ApplyTo).ApplyTo(previous).Value!;
                await MongoContactLog.AppendAsync(store, null, owner, id, written.UpdatedAt, MongoContactLog.Live, MongoContactLog.Live, previous,
                    CancellationToken.None);
                return written;
            }
            // Nothing matched: the contact is gone, or the edit's rule refuses it. The rule, applied to
            // the stored contact, gives the contract's refusal (the 21st phone, the last one, no such phone).
            var current = await store.Contacts.Find(mine).FirstOrDefaultAsync(ct);
            if (current is null) return Refusal.NotFound;
            if (edit.ApplyTo(current.ToContact()) is { Refusal: not null } refused) return refused;
            // The rule allows it now: another write changed the contact between the two steps.
            if (++failures == Backoff.UpdateAttempts)
                throw new StoreUnavailableException($"Contact {id} changed under {failures} edits in a row");
            await Backoff.AfterLostRaceAsync(failures, ct);
        }
    }

    public async Task<Refusal?> DeleteAsync(string owner, string id, DateTime now, Func<Contact, Refusal?>? check = null,
        CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(id) || !ObjectIds.IsValid(owner)) return Refusal.NotFound;
        var current = await store.Contacts.Find(Mine(owner, id)).FirstOrDefaultAsync(ct);
        if (current is null) return Refusal.NotFound;
        if (check?.Invoke(current.ToContact()) is { } refused) return refused;
        return await TrashAsync(null, current, now, ct) ? null : Refusal.NotFound;
    }

    /// <summary>
    /// Moves the contact, as read, to the trash; false when it changed or went meanwhile (nothing is then trashed).
    /// The trash's copy goes first and the delete is guarded by the version read, so a crash between the two
    /// leaves the contact in the list (a copy in the trash that a restore or the purge replaces), never lost.
    /// </summary>
    internal async Task<bool> TrashAsync(IClientSessionHandle? session, ContactDocument current, DateTime now, CancellationToken ct)
    {
        var trashed = new TrashDocument { Id = current.Id, Owner = current.Owner, DeletedAt = now, Contact = current };
        var byId = Builders<TrashDocument>.Filter.Eq(t => t.Id, current.Id);
        var upsert = new ReplaceOptions { IsUpsert = true };
        var guarded = Mine(current.Owner, current.Id) & AtVersion(current.Version);
        if (session is null)
        {
            await store.Trash.ReplaceOneAsync(byId, trashed, upsert, ct);
            if ((await store.Contacts.DeleteOneAsync(guarded, ct)).DeletedCount == 0)
            {
                await store.Trash.DeleteOneAsync(byId, ct);
                return false;
            }
        }
        else
        {
            await store.Trash.ReplaceOneAsync(session, byId, trashed, upsert, ct);
            if ((await store.Contacts.DeleteOneAsync(session, guarded, cancellationToken: ct)).DeletedCount == 0) return false;
        }
        await MongoContactLog.AppendAsync(store, session, current.Owner, current.Id, now, MongoContactLog.Live, MongoContactLog.Trashed,
            current.ToContact(), ct);
        return true;
    }

    // A trashed contact's photo stays for its restore, but no request sees it meanwhile.
    public async Task<ContactPhoto?> FindPhotoAsync(string owner, string id, CancellationToken ct = default) =>
        ObjectIds.IsValid(id) && ObjectIds.IsValid(owner) && await store.Contacts.Find(Mine(owner, id)).AnyAsync(ct)
            ? (await store.Photos.Find(PhotoOf(owner, id)).FirstOrDefaultAsync(ct))?.ToPhoto()
            : null;

    public async Task<bool> PutPhotoAsync(string owner, string id, ContactPhoto photo, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(id) || !ObjectIds.IsValid(owner)) return false;
        // The photo's tag is part of the contact: the stored entity tag goes with the change, and the next read computes it.
        var update = Builders<ContactDocument>.Update.Set(c => c.PhotoTag, photo.Tag).Unset(c => c.ETag);
        if ((await store.Contacts.UpdateOneAsync(Mine(owner, id), update, cancellationToken: ct)).MatchedCount == 0) return false;
        await WritePhotoAsync(null, owner, id, photo, ct);
        return true;
    }

    /// <summary>The contact's photo document: replaced by <paramref name="photo"/>, or deleted when it is null.</summary>
    internal Task WritePhotoAsync(IClientSessionHandle? session, string owner, string id, ContactPhoto? photo, CancellationToken ct)
    {
        var filter = PhotoOf(owner, id);
        if (photo is null)
            return session is null ? store.Photos.DeleteOneAsync(filter, ct) : store.Photos.DeleteOneAsync(session, filter, cancellationToken: ct);
        var document = new PhotoDocument { ContactId = id, Owner = owner, MediaType = photo.MediaType, Data = photo.Data };
        var upsert = new ReplaceOptions { IsUpsert = true };
        return session is null
            ? store.Photos.ReplaceOneAsync(filter, document, upsert, ct)
            : store.Photos.ReplaceOneAsync(session, filter, document, upsert, ct);
    }

    /// <summary>Oldest first, along the owner+createdAt index, a cursor batch at a time.</summary>
    public async IAsyncEnumerable<Contact> StreamOwnedAsync(string owner, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner)) yield break;
        var oldestFirst = Builders<ContactDocument>.Sort.Ascending(c => c.CreatedAt).Ascending(c => c.Id);
        using var cursor = await store.Contacts.Find(OwnedBy(owner)).Sort(oldestFirst).ToCursorAsync(ct);
        while (await cursor.MoveNextAsync(ct))
            foreach (var contact in cursor.Current) yield return contact.ToContact();
    }

    /// <summary>
    /// The id, UID and stored tag of each document, projected by the server; a document without a stored tag
    /// (<see cref="ContactDocument.ETag"/>) is read whole afterwards, and its tag computed.
    /// </summary>
    public async IAsyncEnumerable<ContactTag> StreamTagsAsync(string owner, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner)) yield break;
        var fields = Builders<ContactDocument>.Projection.Include(c => c.Id).Include(c => c.Uid).Include(c => c.ETag);
        var untagged = new List<string>();
        using (var cursor = await store.Contacts.Find(OwnedBy(owner)).Project<ContactDocument>(fields).ToCursorAsync(ct))
            while (await cursor.MoveNextAsync(ct))
                foreach (var document in cursor.Current)
                    if (document.ETag is { } etag) yield return new ContactTag(document.Id, document.Uid, etag);
                    else untagged.Add(document.Id);
        foreach (var batch in untagged.Chunk(1_000))
            foreach (var document in await store.Contacts.Find(OwnedBy(owner) & Filter.In(c => c.Id, batch)).ToListAsync(ct))
                yield return new ContactTag(document.Id, document.Uid, document.ToTagged().ETag);
    }

    /// <summary>
    /// In a transaction where the deployment runs them (a replica set, a sharded cluster), so that a failure
    /// imports nothing; the driver retries the whole of it on a transient error. A standalone server has no
    /// transactions: there the cards are written one after another, and a failure midway leaves those before
    /// it imported; the same file imported again then finds them and completes the rest, creating nothing twice.
    /// </summary>
    public async Task<Outcome<ImportCounts>> ImportAsync(string owner, IReadOnlyList<ImportedCard> cards, DateTime now,
        Func<ImportCounts, Refusal?> approve, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner)) return Refusal.NotFound;
        if (!await store.SupportsTransactionsAsync(ct)) return await ImportStepsAsync(null, owner, cards, now, approve, ct);
        using var session = await store.Client.StartSessionAsync(cancellationToken: ct);
        return await session.WithTransactionAsync((s, token) => ImportStepsAsync(s, owner, cards, now, approve, token),
            new TransactionOptions(writeConcern: WriteConcern.WMajority), ct);
    }

    private async Task<Outcome<ImportCounts>> ImportStepsAsync(IClientSessionHandle? session, string owner, IReadOnlyList<ImportedCard> cards,
        DateTime now, Func<ImportCounts, Refusal?> approve, CancellationToken ct)
    {
        var matching = new CardMatching();
        var plan = new List<(ImportedCard Card, Contact? Match)>(cards.Count);
        // An empty book, a phone's first backup, has nothing to match: two queries a card saved.
        var empty = await Find(session, OwnedBy(owner)).Limit(1).CountDocumentsAsync(ct) == 0;
        foreach (var card in cards)
        {
            Contact? match = null;
            if (!empty)
            {
                if (card.Contact.Uid is { } uid) match = matching.ByUid(card.Contact, (await ByUidAsync(session, owner, uid, ct)).Select(d => d.ToContact()));
                match ??= matching.ByName(card.Contact, await ByNameAsync(session, owner, card.Contact.Name, ct));
            }
            plan.Add((card, match));
        }
        var created = plan.Where(p => p.Match is null).Select(p => p.Card with
        {
            Contact = p.Card.Contact with { Id = ObjectIds.New(), Owner = owner, CreatedAt = now, UpdatedAt = now },
        }).ToList();
        var unchanged = plan.Count(p => p.Match is { } m && CardMatching.Holds(m, p.Card.Contact));
        var counts = new ImportCounts(created.Count, plan.Count - created.Count - unchanged, unchanged);
        var limit = limits.Value.ContactsPerUser;
        var count = session is null
            ? await store.Contacts.CountDocumentsAsync(OwnedBy(owner), new CountOptions { Limit = limit + 1L }, ct)
            : await store.Contacts.CountDocumentsAsync(session, OwnedBy(owner), new CountOptions { Limit = limit + 1L }, ct);
        if (count + created.Count > limit) return limits.Value.Reached();
        if (approve(counts) is { } refused) return refused;

        if (created.Count > 0)
        {
            var documents = created.Select(c => ContactDocument.From(c.Contact, version: 0)).ToList();
            if (session is null) await store.Contacts.InsertManyAsync(documents, cancellationToken: ct);
            else await store.Contacts.InsertManyAsync(session, documents, cancellationToken: ct);
            foreach (var card in created.Where(c => c.Photo is not null))
                await WritePhotoAsync(session, owner, card.Contact.Id, card.Photo, ct);
            // Outside a transaction, a concurrent create may have taken the last places meanwhile.
            if (session is null && await TakeBackPastTheLimitAsync(owner, created.Select(c => c.Contact.Id).ToList()) is { } full) return full;
            foreach (var card in created)
                await MongoContactLog.AppendAsync(store, session, owner, card.Contact.Id, now, MongoContactLog.Nowhere, MongoContactLog.Live, null, ct);
        }
        foreach (var (card, match) in plan)
        {
            if (match is null || CardMatching.Holds(match, card.Contact)) continue;
            var edit = new ContactEdit.FromCard(card.Contact, now);
            await ChangeAsync(session, owner, match.Id, edit.ApplyTo, ct);
            if (match.PhotoTag != card.Contact.PhotoTag) await WritePhotoAsync(session, owner, match.Id, card.Photo, ct);
        }
        return counts;
    }

    /// <summary>The owner's contacts with this UID, and the one whose id it is (the export's UID of a contact made here).</summary>
    public async Task<IReadOnlyList<TaggedContact>> FindByUidAsync(string owner, string uid, CancellationToken ct = default) =>
        ObjectIds.IsValid(owner)
            ? (await ByUidAsync(null, owner, uid, ct)).Select(d => d.ToTagged()).Where(t => (t.Contact.Uid ?? t.Contact.Id) == uid)
                .OrderBy(t => t.Contact.Id, StringComparer.Ordinal).ToList()
            : [];

    private async Task<List<ContactDocument>> ByUidAsync(IClientSessionHandle? session, string owner, string uid, CancellationToken ct)
    {
        var filter = Filter.Eq(c => c.Uid, uid);
        if (ObjectIds.IsValid(uid)) filter |= Filter.Eq(c => c.Id, uid);
        return await Find(session, OwnedBy(owner) & filter).ToListAsync(ct);
    }

    /// <summary>The owner's contacts with this name in any case, along the owner+nameLower index; the matching compares it exactly.</summary>
    private async Task<List<Contact>> ByNameAsync(IClientSessionHandle? session, string owner, string name, CancellationToken ct) =>
        (await Find(session, OwnedBy(owner) & Filter.Eq(c => c.NameLower, SearchText.Fold(name))).ToListAsync(ct))
        .Select(c => c.ToContact()).ToList();

    private IFindFluent<ContactDocument, ContactDocument> Find(IClientSessionHandle? session, FilterDefinition<ContactDocument> filter) =>
        session is null ? store.Contacts.Find(filter) : store.Contacts.Find(session, filter);

    private static FilterDefinition<PhotoDocument> PhotoOf(string owner, string id) =>
        Builders<PhotoDocument>.Filter.Eq(p => p.ContactId, id) & Builders<PhotoDocument>.Filter.Eq(p => p.Owner, owner);

    /// <summary>
    /// A query an owner, one after another, each an index walk in name order (by_owner_name, collated). One query
    /// over all of them can't follow the list's order of owners without the server sorting every contact of
    /// the list, and $unionWith leaves the order of what it joins unspecified.
    /// </summary>
    public async IAsyncEnumerable<Contact> StreamByOwnersAsync(IReadOnlyList<string> owners, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var byName = Builders<ContactDocument>.Sort.Ascending(c => c.Name).Ascending(c => c.Id);
        var collated = new FindOptions { Collation = store.Collation };
        foreach (var owner in owners.Where(ObjectIds.IsValid))
        {
            using var cursor = await store.Contacts.Find(OwnedBy(owner), collated).Sort(byName).ToCursorAsync(ct);
            while (await cursor.MoveNextAsync(ct))
                foreach (var contact in cursor.Current) yield return contact.ToContact();
        }
    }

    public async Task<IReadOnlyList<Contact>> ListAfterAsync(string? afterId, int limit, CancellationToken ct = default)
    {
        var filter = afterId is null ? Filter.Empty : Filter.Gt(c => c.Id, afterId);
        var page = await store.Contacts.Find(filter).Sort(Builders<ContactDocument>.Sort.Ascending(c => c.Id)).Limit(limit).ToListAsync(ct);
        return page.Select(c => c.ToContact()).ToList();
    }

    private static string SortField(ContactSort sort) => sort switch
    {
        ContactSort.Name => "name",
        ContactSort.Email => "email",
        ContactSort.Phone => "phone",
        ContactSort.Favorite => "favorite",
        ContactSort.CreatedAt => "createdAt",
        ContactSort.UpdatedAt => "updatedAt",
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    internal static FilterDefinition<ContactDocument> OwnedBy(string owner) => Filter.Eq(c => c.Owner, owner);

    internal static FilterDefinition<ContactDocument> Mine(string owner, string id) => OwnedBy(owner) & Filter.Eq(c => c.Id, id);

    /// <summary>The stored version; a document written without the field (by hand, or by an older version) is at 0.</summary>
    private static FilterDefinition<ContactDocument> AtVersion(long version) =>
        version == 0
            ? Filter.Eq(c => c.Version, 0) | Filter.Exists(c => c.Version, false)
            : Filter.Eq(c => c.Version, version);

    private static readonly FindOneAndUpdateOptions<ContactDocument> ReturnReplaced = new() { ReturnDocument = ReturnDocument.Before };

    /// <summary>Every field a change may write (not the id, owner or creation time), with the stored copies and tag, and the next version.</summary>
    private static UpdateDefinition<ContactDocument> Written(Contact contact)
    {
        var d = ContactDocument.From(contact, version: 0);
        return Builders<ContactDocument>.Update
            .Set(c => c.Name, d.Name).Set(c => c.Email, d.Email).Set(c => c.Phones, d.Phones).Set(c => c.Favorite, d.Favorite)
            .Set(c => c.UpdatedAt, d.UpdatedAt).Set(c => c.NameLower, d.NameLower).Set(c => c.EmailLower, d.EmailLower)
            .Set(c => c.Phone, d.Phone).Set(c => c.PhoneDigits, d.PhoneDigits)
            .Set(c => c.Emails, d.Emails).Set(c => c.Organization, d.Organization).Set(c => c.Title, d.Title).Set(c => c.Birthday, d.Birthday)
            .Set(c => c.Notes, d.Notes).Set(c => c.Addresses, d.Addresses).Set(c => c.Uid, d.Uid).Set(c => c.Kept, d.Kept)
            .Set(c => c.PhotoTag, d.PhotoTag).Set(c => c.ETag, d.ETag).Inc(c => c.Version, 1L);
    }

    /// <summary>
    /// A pattern that matches <paramref name="text"/> literally: a filter of <c>.*</c> or <c>(a+)+$</c>
    /// is plain text, so it can't widen the match or make the server backtrack. NUL can't travel in
    /// a BSON pattern, so it goes as the escape the server understands.
    /// </summary>
    private static BsonRegularExpression Literal(string text) =>
        new(Regex.Escape(text).Replace("\0", @"\x00"));
}
