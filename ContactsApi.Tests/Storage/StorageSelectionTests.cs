using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Storage;

public sealed class StorageSelectionTests
{
#if !MONGODB
    [Fact]
    public void Asking_for_MongoDB_from_a_build_without_it_stops_the_start_saying_how_to_build_it()
    {
        using var factory = new ContactsApiFactory();
        factory.Settings["Storage:Provider"] = "Mongo";

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.StartsWith("Storage:Provider is Mongo, but this build has no MongoDB store. Build it with `dotnet build -p:MongoDb=true`",
            error.Message);
    }
#endif

    [Fact]
    public void An_unknown_store_stops_the_start_naming_the_known_ones()
    {
        using var factory = new ContactsApiFactory();
        factory.Settings["Storage:Provider"] = "Postgres";

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal("Storage:Provider 'Postgres' is not known; use Sqlite (the default) or Mongo.", error.Message);
    }
}
