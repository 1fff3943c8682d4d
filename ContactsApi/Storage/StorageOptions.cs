using System.ComponentModel.DataAnnotations;

namespace ContactsApi.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Mongo</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Where the SQLite file and a generated signing key live; relative to the content root (<see cref="StoragePaths"/>).</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// Writes the SQLite store holds at once, queued or being committed; past it a write is refused at
    /// once (503 with Retry-After). As many as the writer commits in one group, so a write it takes is
    /// committed in the group in progress or the next one: its wait is bounded by two commits.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPendingWrites { get; set; } = 128;

    public string? MongoConnectionString { get; set; }
    public string MongoDatabase { get; set; } = "contacts";

    /// <summary>
    /// How long a request waits for a usable MongoDB server before it answers 503 (the driver's own
    /// default is 30 s, longer than any client waits). Replaces <c>serverSelectionTimeoutMS</c> in the
    /// connection string.
    /// </summary>
    public TimeSpan MongoServerSelectionTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
