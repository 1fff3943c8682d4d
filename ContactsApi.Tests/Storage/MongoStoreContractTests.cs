using System.Collections.Concurrent;
using ContactsApi.Common;
using ContactsApi.Storage.Mongo;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;

namespace ContactsApi.Tests.Storage;

/// <summary>A throwaway database on the server that CONTACTS_TEST_MONGO names, dropped afterwards.</summary>
public class MongoStoreFixture : StoreFixture
{
    public const string Variable = "CONTACTS_TEST_MONGO";
    public const string Missing =
        "CONTACTS_TEST_MONGO holds no MongoDB connection string; set it to run the MongoDB store tests against a server";

    private readonly string _database = "contacts_test_" + ObjectIds.New();
    private readonly ConcurrentBag<string> _others = [];

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Mongo",
        ["Storage:MongoConnectionString"] = Environment.GetEnvironmentVariable(Variable),
        ["Storage:MongoDatabase"] = _database,
    };

    protected override Dictionary<string, string?> SettingsCollatedBy(string collation)
    {
        var settings = Settings();
        settings["Storage:MongoDatabase"] = $"{_database}_{collation}";
        settings["Contacts:Collation"] = collation;
        _others.Add($"{_database}_{collation}");
        return settings;
    }

    /// <summary>The store itself, for tests that write documents as an operator or an older version would.</summary>
    public MongoStore Store => Services.GetRequiredService<MongoStore>();

    public override void Dispose()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connection)
        {
            using var client = new MongoClient(connection);
            foreach (var database in _others.Append(_database)) client.DropDatabase(database);
        }
        base.Dispose();
    }
}

/// <summary>
/// The same contract against MongoDB, on the server CONTACTS_TEST_MONGO names (a replica set, for
/// majority writes and transactions), e.g. CONTACTS_TEST_MONGO=mongodb://localhost:27017/?replicaSet=rs0.
/// </summary>
[NeedsEnvironment(MongoStoreFixture.Variable, MongoStoreFixture.Missing)]
public sealed class MongoStoreContractTests(MongoStoreFixture store)
    : StoreContractTests(store), IClassFixture<MongoStoreFixture>;
