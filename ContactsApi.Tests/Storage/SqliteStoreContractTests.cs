using Microsoft.Data.Sqlite;

namespace ContactsApi.Tests.Storage;

public class SqliteStoreFixture : StoreFixture
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("contactsapi-store-").FullName;

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataFolder"] = DataFolder,
    };

    protected override Dictionary<string, string?> SettingsCollatedBy(string collation) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataFolder"] = Path.Combine(DataFolder, "collated-" + collation),
        ["Contacts:Collation"] = collation,
    };

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(DataFolder, recursive: true);
    }
}

public sealed class SqliteStoreContractTests(SqliteStoreFixture store)
    : StoreContractTests(store), IClassFixture<SqliteStoreFixture>;
