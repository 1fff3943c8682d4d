using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.History;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// The trash (<c>contactTrash</c>) and the change log (<c>contactHistory</c>, see <see cref="MongoContactLog"/>), as the
/// SQLite store keeps them. An undo runs in a transaction where the deployment runs them, as an import does.
/// </summary>
internal sealed class MongoContactHistory(MongoStore store, MongoContactRepository contacts, IOptions<ContactLimitOptions> limits)
    : IContactHistory
{
    private static readonly FilterDefinitionBuilder<HistoryDocument> Log = Builders<HistoryDocument>.Filter;
    private static readonly FilterDefinitionBuilder<TrashDocument> TrashFilter = Builders<TrashDocument>.Filter;

    public async Task<(IReadOnlyList<TrashedContact> Contacts, long Total)> ListTrashAsync(string owner, int skip, int limit,
        CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner)) return ([], 0);
        var mine = TrashFilter.Eq(t => t.Owner, owner);
        var total = await store.Trash.CountDocumentsAsync(mine, cancellationToken: ct);
        var page = await store.Trash.Find(mine).Sort(Builders<TrashDocument>.Sort.Descending(t => t.DeletedAt).Descending(t => t.Id))
            .Skip(skip).Limit(limit).ToListAsync(ct);
        return (page.Select(t => new TrashedContact(t.Contact.ToContact(), t.DeletedAt)).ToList(), total);
    }

    public async Task<Outcome<Contact>> RestoreAsync(string owner, string id, DateTime now, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner) || !ObjectIds.IsValid(id)) return Refusal.NotFound;
        var trashed = await store.Trash.Find(Trashed(owner, id)).FirstOrDefaultAsync(ct);
        if (trashed is null) return Refusal.NotFound;
        var limit = limits.Value.ContactsPerUser;
        if (await store.Contacts.CountDocumentsAsync(MongoContactRepository.OwnedBy(owner), new CountOptions { Limit = limit }, ct) >= limit)
            return limits.Value.Reached();
        await RestoreAsync(null, trashed.Contact, now, ct);
        return trashed.Contact.ToContact();
    }

    /// <summary>The contact back in the list first, then out of the trash: a crash between the two leaves a copy, never nothing.</summary>
    private async Task RestoreAsync(IClientSessionHandle? session, ContactDocument contact, DateTime now, CancellationToken ct)
    {
        var byId = TrashFilter.Eq(t => t.Id, contact.Id);
        var upsert = new ReplaceOptions { IsUpsert = true };
        var mine = MongoContactRepository.Mine(contact.Owner, contact.Id);
        contact.Version = 0;
        if (session is null)
        {
            await store.Contacts.ReplaceOneAsync(mine, contact, upsert, ct);
            await store.Trash.DeleteOneAsync(byId, ct);
        }
        else
        {
            await store.Contacts.ReplaceOneAsync(session, mine, contact, upsert, ct);
            await store.Trash.DeleteOneAsync(session, byId, cancellationToken: ct);
        }
        await MongoContactLog.AppendAsync(store, session, contact.Owner, contact.Id, now, MongoContactLog.Trashed, MongoContactLog.Live, null, ct);
    }

    public async Task<bool> PurgeAsync(string owner, string? id, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner) || id is not null && !ObjectIds.IsValid(id)) return false;
        var filter = id is null ? TrashFilter.Eq(t => t.Owner, owner) : Trashed(owner, id);
        var ids = await store.Trash.Find(filter).Project(t => t.Id).ToListAsync(ct);
        foreach (var trashed in ids)
        {
            // Its versions go, but the log keeps its last row, the delete, for sync clients that haven't seen it.
            var rows = MongoContactLog.Of(owner, trashed);
            var last = await store.History.Find(rows).Sort(Builders<HistoryDocument>.Sort.Descending(h => h.Seq)).Limit(1).FirstOrDefaultAsync(ct);
            if (last is not null)
            {
                await store.History.DeleteManyAsync(rows & Log.Lt(h => h.Seq, last.Seq), ct);
                await store.History.UpdateOneAsync(Log.Eq(h => h.Id, last.Id), Builders<HistoryDocument>.Update.Unset(h => h.Previous),
                    cancellationToken: ct);
            }
            await store.Photos.DeleteOneAsync(Builders<PhotoDocument>.Filter.Eq(p => p.ContactId, trashed) & Builders<PhotoDocument>.Filter.Eq(p => p.Owner, owner), ct);
            await store.Trash.DeleteOneAsync(Trashed(owner, trashed), ct);
        }
        return ids.Count > 0;
    }

    public async Task<IReadOnlyList<ContactVersion>?> VersionsAsync(string owner, string id, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner) || !ObjectIds.IsValid(id)) return null;
        var live = await contacts.FindAsync(owner, id, ct);
        if (live is null && !await store.Trash.Find(Trashed(owner, id)).AnyAsync(ct)) return null;
        var rows = await store.History.Find(MongoContactLog.Of(owner, id)).Sort(Builders<HistoryDocument>.Sort.Descending(h => h.Seq)).ToListAsync(ct);
        var versions = new List<ContactVersion>(rows.Count + 1);
        if (live is not null) versions.Add(new ContactVersion(rows.Count > 0 ? rows[0].Version : 1, live.UpdatedAt, live));
        foreach (var row in rows.Where(r => r is { Was: MongoContactLog.Live, Previous: not null }))
        {
            var previous = row.Previous!.ToContact();
            versions.Add(new ContactVersion(row.Version - 1, previous.UpdatedAt, previous));
        }
        return versions;
    }

    public async Task<UndoCounts> UndoAsync(string owner, DateTime to, DateTime now, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner)) return new UndoCounts(0, 0, 0);
        if (!await store.SupportsTransactionsAsync(ct)) return await UndoStepsAsync(null, owner, to, now, ct);
        using var session = await store.Client.StartSessionAsync(cancellationToken: ct);
        return await session.WithTransactionAsync((s, token) => UndoStepsAsync(s, owner, to, now, token),
            new TransactionOptions(writeConcern: WriteConcern.WMajority), ct);
    }

    private async Task<UndoCounts> UndoStepsAsync(IClientSessionHandle? session, string owner, DateTime to, DateTime now, CancellationToken ct)
    {
        var since = Log.Eq(h => h.Owner, owner) & Log.Gt(h => h.At, to);
        var rows = await (session is null ? store.History.Find(since) : store.History.Find(session, since))
            .Sort(Builders<HistoryDocument>.Sort.Ascending(h => h.Seq)).ToListAsync(ct);
        int reverted = 0, restored = 0, trashed = 0;
        foreach (var first in rows.DistinctBy(r => r.ContactId))
        {
            var mine = MongoContactRepository.Mine(owner, first.ContactId);
            var current = await (session is null ? store.Contacts.Find(mine) : store.Contacts.Find(session, mine)).FirstOrDefaultAsync(ct);
            if (first.Was != MongoContactLog.Live)
            {
                if (current is not null && await contacts.TrashAsync(session, current, now, ct)) trashed++;
                continue;
            }
            if (first.Previous is not { } then) continue;
            var version = then.ToContact();
            if (current is not null)
            {
                if (ContactETag.Of(current.ToContact()) == ContactETag.Of(version)) continue;
                await contacts.ChangeAsync(session, owner, first.ContactId, _ => version, ct, now);
                reverted++;
            }
            else if (await (session is null ? store.Trash.Find(Trashed(owner, first.ContactId)) : store.Trash.Find(session, Trashed(owner, first.ContactId)))
                         .AnyAsync(ct))
            {
                await RestoreAsync(session, then, now, ct);
                restored++;
            }
        }
        return new UndoCounts(reverted, restored, trashed);
    }

    public async Task<ChangePage> ChangesAsync(string owner, long since, int limit, CancellationToken ct = default)
    {
        if (!ObjectIds.IsValid(owner)) return new ChangePage([], [], since, false);
        // Each contact once, at its last change: the newest row of each contact after the token, in the order of those rows,
        // as far as the log has no hole (a number whose row may still come: MongoContactLog).
        var through = await MongoContactLog.CompleteThroughAsync(store, owner, since, ct);
        var lasts = await store.History.Aggregate()
            .Match(Log.Eq(h => h.Owner, owner) & Log.Gt(h => h.Seq, since) & Log.Lte(h => h.Seq, through))
            .SortByDescending(h => h.Seq)
            .Group(h => h.ContactId, g => new { ContactId = g.Key, Seq = g.First().Seq, State = g.First().State })
            .SortBy(g => g.Seq)
            .Limit(limit + 1)
            .ToListAsync(ct);
        var page = lasts.Take(limit).ToList();
        var liveIds = page.Where(r => r.State == MongoContactLog.Live).Select(r => r.ContactId).ToList();
        var found = (await store.Contacts.Find(MongoContactRepository.OwnedBy(owner) & Builders<ContactDocument>.Filter.In(c => c.Id, liveIds))
            .ToListAsync(ct)).ToDictionary(c => c.Id, c => c.ToContact());
        return new ChangePage(
            page.Where(r => found.ContainsKey(r.ContactId)).Select(r => found[r.ContactId]).ToList(),
            page.Where(r => r.State != MongoContactLog.Live).Select(r => r.ContactId).ToList(),
            page.Count > 0 ? page[^1].Seq : since,
            lasts.Count > limit);
    }

    public async Task ForgetBeforeAsync(DateTime cutoff, CancellationToken ct = default)
    {
        // The trash past the retention, gone for good, with its photos and versions.
        var expired = await store.Trash.Find(TrashFilter.Lt(t => t.DeletedAt, cutoff)).Project(t => new { t.Id, t.Owner }).ToListAsync(ct);
        foreach (var trashed in expired)
        {
            await store.Photos.DeleteOneAsync(Builders<PhotoDocument>.Filter.Eq(p => p.ContactId, trashed.Id), ct);
            await store.History.DeleteManyAsync(MongoContactLog.Of(trashed.Owner, trashed.Id), ct);
            await store.Trash.DeleteOneAsync(TrashFilter.Eq(t => t.Id, trashed.Id), ct);
        }
        // Old rows that still hold a version, and old deletes: a replaced one goes, a live contact's last row stays without
        // its version (and so is not looked at again). Old creation rows hold nothing and are left: reading them every
        // round would cost a query a contact.
        var holding = Log.Lt(h => h.At, cutoff) & (Log.Exists(h => h.Previous) | Log.Eq(h => h.State, MongoContactLog.Trashed));
        var old = await store.History.Find(holding).Project(h => new { h.Id, h.Owner, h.ContactId, h.Seq, h.State }).ToListAsync(ct);
        foreach (var row in old)
        {
            var replaced = row.State == MongoContactLog.Trashed
                           || await store.History.Find(MongoContactLog.Of(row.Owner, row.ContactId) & Log.Gt(h => h.Seq, row.Seq)).AnyAsync(ct);
            if (replaced) await store.History.DeleteOneAsync(Log.Eq(h => h.Id, row.Id), ct);
            else await store.History.UpdateOneAsync(Log.Eq(h => h.Id, row.Id), Builders<HistoryDocument>.Update.Unset(h => h.Previous),
                cancellationToken: ct);
        }
    }

    private static FilterDefinition<TrashDocument> Trashed(string owner, string id) => TrashFilter.Eq(t => t.Owner, owner) & TrashFilter.Eq(t => t.Id, id);
}
