using ContactsApi.Health;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// The database and its three collections, with every index created on start (creating an index
/// that exists is a no-op). All writes wait for a majority of the replica set, so an acknowledged
/// write survives a failover. A singleton made on first use: if the server can't be reached then,
/// that request fails with a timeout (503) and the next one tries again.
/// </summary>
public sealed class MongoStore : IStoreHealth
{
    /// <summary>How many times an update re-reads after losing a race before it gives up.</summary>
    internal const int UpdateAttempts = 100;

    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(2);

    private readonly IMongoDatabase _database;

    public MongoStore(IOptions<StorageOptions> options, ILogger<MongoStore> log)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.MongoConnectionString))
            throw new InvalidOperationException(
                "Storage:Provider is Mongo but Storage:MongoConnectionString is empty; set it (e.g. Storage__MongoConnectionString).");
        _database = new MongoClient(settings.MongoConnectionString).GetDatabase(settings.MongoDatabase)
            .WithWriteConcern(WriteConcern.WMajority);
        Users = _database.GetCollection<UserDocument>("users");
        Contacts = _database.GetCollection<ContactDocument>("contacts");
        Sessions = _database.GetCollection<SessionDocument>("sessions");
        CreateIndexes();
        log.LogInformation("Using the MongoDB database {Database}", settings.MongoDatabase);
    }

    internal IMongoCollection<UserDocument> Users { get; }
    internal IMongoCollection<ContactDocument> Contacts { get; }
    internal IMongoCollection<SessionDocument> Sessions { get; }

    public async Task<bool> IsAvailableAsync(CancellationToken ct = default)
    {
        // A health check must answer before the prober gives up, not after the driver's 30-second
        // server selection.
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

    private void CreateIndexes()
    {
        Users.Indexes.CreateMany(
        [
            new CreateIndexModel<UserDocument>(Builders<UserDocument>.IndexKeys.Ascending(u => u.Email),
                new CreateIndexOptions { Unique = true, Name = "email_unique" }),
            new CreateIndexModel<UserDocument>(Builders<UserDocument>.IndexKeys.Ascending(u => u.CreatedAt).Ascending(u => u.Id),
                new CreateIndexOptions { Name = "by_created" }),
        ]);
        // One index a sort key, each ending in _id: a page in either order is a walk of one owner's
        // entries, never an in-memory sort. The owner+name one also serves the admin's by-owner listing.
        Contacts.Indexes.CreateMany(MongoContactRepository.SortFields.Select(field =>
            new CreateIndexModel<ContactDocument>(
                Builders<ContactDocument>.IndexKeys.Ascending(c => c.Owner).Ascending(field).Ascending(c => c.Id),
                new CreateIndexOptions { Name = "by_owner_" + field })));
        Sessions.Indexes.CreateMany(
        [
            new CreateIndexModel<SessionDocument>(Builders<SessionDocument>.IndexKeys.Ascending(s => s.UserId),
                new CreateIndexOptions { Name = "by_user" }),
            new CreateIndexModel<SessionDocument>(Builders<SessionDocument>.IndexKeys.Ascending(s => s.ExpiresAt),
                new CreateIndexOptions { Name = "expire", ExpireAfter = TimeSpan.Zero }),
        ]);
    }
}
