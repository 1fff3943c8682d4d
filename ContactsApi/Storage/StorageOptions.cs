namespace ContactsApi.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Mongo</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Where the SQLite file and a generated signing key live; relative to the content root (<see cref="StoragePaths"/>).</summary>
    public string DataFolder { get; set; } = "data";

    public string? MongoConnectionString { get; set; }
    public string MongoDatabase { get; set; } = "contacts";
}
