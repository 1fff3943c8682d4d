using ContactsApi.Common;

namespace ContactsApi.Tests.Storage;

/// <summary>A throwaway database on the server that CONTACTS_TEST_MONGO names, dropped afterwards.</summary>
public class MongoStoreFixture : StoreFixture
{
    public const string Variable = "CONTACTS_TEST_MONGO";

    private readonly string _database = "contacts_test_" + ObjectIds.New();

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Mongo",
        ["Storage:MongoConnectionString"] = Environment.GetEnvironmentVariable(Variable),
        ["Storage:MongoDatabase"] = _database,
    };

#if MONGODB
    public override void Dispose()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connection)
            new MongoDB.Driver.MongoClient(connection).DropDatabase(_database);
        base.Dispose();
    }
#endif
}

/// <summary>
/// The same contract against MongoDB. Needs a build with <c>-p:MongoDb=true</c> and a server
/// (a replica set, for majority writes), e.g. CONTACTS_TEST_MONGO=mongodb://localhost:27017/?replicaSet=rs0.
/// </summary>
[NeedsEnvironment(MongoStoreFixture.Variable,
    "CONTACTS_TEST_MONGO holds no MongoDB connection string; set it (and build with -p:MongoDb=true) to run the MongoDB store contract")]
public sealed class MongoStoreContractTests(MongoStoreFixture store)
    : StoreContractTests(store), IClassFixture<MongoStoreFixture>;
