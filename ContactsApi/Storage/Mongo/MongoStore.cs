using ContactsApi.Contacts;
using ContactsApi.Health;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Servers;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// The database and its three collections. Making it touches no server: the driver connects in the
/// background, so the service starts while MongoDB is down, answers 503 after a short server
/// selection, and works again as soon as the server is back. The indexes are created by
/// <see cref="MongoIndexBuilder"/> once the server answers. All writes wait for a majority of the
/// replica set, so an acknowledged write survives a failover.
/// </summary>
public sealed class MongoStore : IStoreHealth, IDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(2);

    private readonly MongoClient _client;
    private readonly IMongoDatabase _database;
    private readonly ILogger<MongoStore> _log;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _indexGate = new();
    private Task? _indexes;
    private volatile TransactionSupport _transactions;

    public MongoStore(IOptions<StorageOptions> options, ContactCollation collation, ILogger<MongoStore> log)
    {
        _log = log;
        // Strength 2, as ContactCollation's sort keys: case ignored, accents kept.
        Collation = new Collation(collation.MongoLocale, strength: CollationStrength.Secondary);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.MongoConnectionString))
            throw new InvalidOperationException(
                "Storage:Provider is Mongo but Storage:MongoConnectionString is empty; set it (e.g. Storage__MongoConnectionString).");
        var client = MongoClientSettings.FromConnectionString(settings.MongoConnectionString);
        client.ServerSelectionTimeout = settings.MongoServerSelectionTimeout;
        _client = new MongoClient(client);
        _database = _client.GetDatabase(settings.MongoDatabase).WithWriteConcern(WriteConcern.WMajority);
        Users = _database.GetCollection<UserDocument>("users");
        Contacts = _database.GetCollection<ContactDocument>("contacts");
        Sessions = _database.GetCollection<SessionDocument>("sessions");
        Photos = _database.GetCollection<PhotoDocument>("contactPhotos");
        History = _database.GetCollection<HistoryDocument>("contactHistory");
        Trash = _database.GetCollection<TrashDocument>("contactTrash");
        Counters = _database.GetCollection<CounterDocument>("counters");
        AppPasswords = _database.GetCollection<AppPasswordDocument>("appPasswords");
        log.LogInformation("Using the MongoDB database {Database}", settings.MongoDatabase);
    }

    internal IMongoClient Client => _client;

    /// <summary>The collation names and emails sort by: on their indexes, and on every query sorted by them.</summary>
    internal Collation Collation { get; }

    internal IMongoDatabase Database => _database;
    internal IMongoCollection<UserDocument> Users { get; }
    internal IMongoCollection<ContactDocument> Contacts { get; }
    internal IMongoCollection<SessionDocument> Sessions { get; }
    /// <summary>Contacts' photos, apart from the contacts so that no list or search reads their bytes.</summary>
    internal IMongoCollection<PhotoDocument> Photos { get; }
    /// <summary>The change log of every contact (<see cref="MongoContactLog"/>).</summary>
    internal IMongoCollection<HistoryDocument> History { get; }
    internal IMongoCollection<TrashDocument> Trash { get; }
    internal IMongoCollection<CounterDocument> Counters { get; }
    internal IMongoCollection<AppPasswordDocument> AppPasswords { get; }

    public async Task<bool> IsAvailableAsync(CancellationToken ct = default)
    {
        // A health check must answer before the prober gives up, whatever the server selection timeout.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(HealthTimeout);
        try
        {
            await _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: timeout.Token);
            return true;
        }
        catch (Exception e) when (e is MongoException or TimeoutException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>
    /// Creates every index; creating one that exists does nothing. Callers share the attempt under
    /// way, and a failed attempt is forgotten, so the next caller starts another. Writes that rely on
    /// the unique email index await this, so no two accounts can share an email while it is missing.
    /// </summary>
    internal Task EnsureIndexesAsync(CancellationToken ct)
    {
        Task attempt;
        lock (_indexGate)
        {
            if (_indexes is null || _indexes.IsFaulted || _indexes.IsCanceled) _indexes = CreateIndexesAsync(_disposed.Token);
            attempt = _indexes;
        }
        return attempt.WaitAsync(ct);
    }

    /// <summary>
    /// Whether the deployment runs multi-document transactions: a replica set or a sharded cluster
    /// does, a standalone server refuses them. Decided, as the driver itself decides, from the servers
    /// the driver is connected to; learnt once, on first use.
    /// </summary>
    internal async Task<bool> SupportsTransactionsAsync(CancellationToken ct)
    {
        if (_transactions != TransactionSupport.Unknown) return _transactions == TransactionSupport.Yes;
        // A command that succeeds means the driver has connected and knows what kind of server it talks to.
        await _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: ct);
        var servers = _client.Cluster.Description.Servers.Where(s => s.State == ServerState.Connected).ToList();
        if (servers.Count == 0) return false;   // lost again already: don't remember a guess
        _transactions = servers.Any(s => s.Type == ServerType.Standalone) ? TransactionSupport.No : TransactionSupport.Yes;
        return _transactions == TransactionSupport.Yes;
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _client.Dispose();
    }

    private async Task CreateIndexesAsync(CancellationToken ct)
    {
        await Users.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<UserDocument>(Builders<UserDocument>.IndexKeys.Ascending(u => u.Email),
                new CreateIndexOptions { Unique = true, Name = "email_unique" }),
            new CreateIndexModel<UserDocument>(Builders<UserDocument>.IndexKeys.Ascending(u => u.CreatedAt).Ascending(u => u.Id),
                new CreateIndexOptions { Name = "by_created" }),
        ], ct);
        // One index a sort key, each ending in _id: a page in either order is a walk of one owner's entries,
        // never an in-memory sort. Names and emails sort by the collation, so their indexes carry it (and one
        // made with another collation goes first). The owner+name one also serves the admin's by-owner listing.
        // Searches match the folded copies with a regular expression, which a collated index can't evaluate
        // (its keys are ICU's sort keys): their indexes, without a collation, let the server test the owner's
        // index keys without reading the documents.
        await DropIndexesOfAnotherCollationAsync(ct);
        await Contacts.Indexes.CreateManyAsync(MongoContactRepository.SortFields.Append("nameLower").Append("emailLower").Select(field =>
            new CreateIndexModel<ContactDocument>(
                Builders<ContactDocument>.IndexKeys.Ascending(c => c.Owner).Ascending(field).Ascending(c => c.Id),
                new CreateIndexOptions<ContactDocument>
                {
                    Name = "by_owner_" + field,
                    Collation = MongoContactRepository.CollatedFields.Contains(field) ? Collation : null,
                })), ct);
        // An import finds a card's contact by its UID; only contacts from cards have one.
        await Contacts.Indexes.CreateOneAsync(new CreateIndexModel<ContactDocument>(
            Builders<ContactDocument>.IndexKeys.Ascending(c => c.Owner).Ascending(c => c.Uid),
            new CreateIndexOptions<ContactDocument> { Name = "by_owner_uid", PartialFilterExpression = Builders<ContactDocument>.Filter.Exists(c => c.Uid) }),
            cancellationToken: ct);
        // The sync feed walks an owner's changes in order; a contact's history and its last change are one contact's.
        await History.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<HistoryDocument>(Builders<HistoryDocument>.IndexKeys.Ascending(h => h.Owner).Ascending(h => h.Seq),
                new CreateIndexOptions { Name = "by_owner_seq", Unique = true }),
            new CreateIndexModel<HistoryDocument>(
                Builders<HistoryDocument>.IndexKeys.Ascending(h => h.Owner).Ascending(h => h.ContactId).Ascending(h => h.Seq),
                new CreateIndexOptions { Name = "by_owner_contact_seq" }),
            new CreateIndexModel<HistoryDocument>(Builders<HistoryDocument>.IndexKeys.Ascending(h => h.At), new CreateIndexOptions { Name = "by_at" }),
        ], ct);
        await Trash.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<TrashDocument>(Builders<TrashDocument>.IndexKeys.Ascending(t => t.Owner).Descending(t => t.DeletedAt).Descending(t => t.Id),
                new CreateIndexOptions { Name = "by_owner_deletedAt" }),
            new CreateIndexModel<TrashDocument>(Builders<TrashDocument>.IndexKeys.Ascending(t => t.DeletedAt), new CreateIndexOptions { Name = "by_deletedAt" }),
        ], ct);
        // Deleting a user deletes their photos.
        await Photos.Indexes.CreateOneAsync(new CreateIndexModel<PhotoDocument>(Builders<PhotoDocument>.IndexKeys.Ascending(p => p.Owner),
            new CreateIndexOptions { Name = "by_owner" }), cancellationToken: ct);
        // A user's app passwords are read on every CardDAV request, and deleted with the user.
        await AppPasswords.Indexes.CreateOneAsync(new CreateIndexModel<AppPasswordDocument>(
            Builders<AppPasswordDocument>.IndexKeys.Ascending(p => p.UserId).Ascending(p => p.CreatedAt),
            new CreateIndexOptions { Name = "by_user" }), cancellationToken: ct);
        await Sessions.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<SessionDocument>(Builders<SessionDocument>.IndexKeys.Ascending(s => s.UserId),
                new CreateIndexOptions { Name = "by_user" }),
            new CreateIndexModel<SessionDocument>(Builders<SessionDocument>.IndexKeys.Ascending(s => s.ExpiresAt),
                new CreateIndexOptions { Name = "expire", ExpireAfter = TimeSpan.Zero }),
        ], ct);
    }

    /// <summary>
    /// The collated indexes made for another collation (<c>Contacts:Collation</c> changed): an index can't be
    /// created over one of the same name, and queries with the new collation could not use it.
    /// </summary>
    private async Task DropIndexesOfAnotherCollationAsync(CancellationToken ct)
    {
        using var cursor = await Contacts.Indexes.ListAsync(ct);
        foreach (var index in await cursor.ToListAsync(ct))
        {
            var name = index["name"].AsString;
            if (!MongoContactRepository.CollatedFields.Any(field => name == "by_owner_" + field)) continue;
            var collation = index.GetValue("collation", BsonNull.Value) as BsonDocument;
            if (collation?.GetValue("locale", "").AsString == Collation.Locale && collation.GetValue("strength", 0).ToInt32() == 2) continue;
            _log.LogInformation("Replacing the MongoDB index {Index} (collation {Old}) for the collation {Locale}",
                name, collation?.ToJson() ?? "none", Collation.Locale);
            await Contacts.Indexes.DropOneAsync(name, ct);
        }
    }

    private enum TransactionSupport { Unknown, Yes, No }
}
