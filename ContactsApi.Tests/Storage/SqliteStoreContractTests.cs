using Microsoft.Data.Sqlite;

namespace ContactsApi.Tests.Storage;

public sealed class SqliteStoreFixture : StoreFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("contactsapi-store-").FullName;

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataFolder"] = _folder,
    };

    public override void Dispose()
    {
        base.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class SqliteStoreContractTests(SqliteStoreFixture store)
    : StoreContractTests(store), IClassFixture<SqliteStoreFixture>;
