using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Storage;

public sealed class StorageSelectionTests
{
    [Fact]
    public void An_unknown_store_stops_the_start_naming_the_known_ones()
    {
        using var factory = new ContactsApiFactory();
        factory.Settings["Storage:Provider"] = "Postgres";

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal("Storage:Provider 'Postgres' is not known; use Sqlite (the default) or Mongo.", error.Message);
    }

    [Fact]
    public void MongoDB_without_a_connection_string_stops_the_start_saying_which_setting_is_missing()
    {
        using var factory = new ContactsApiFactory();
        factory.Settings["Storage:Provider"] = "Mongo";

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal("Storage:Provider is Mongo but Storage:MongoConnectionString is empty; set it (e.g. Storage__MongoConnectionString).",
            error.Message);
    }
}
