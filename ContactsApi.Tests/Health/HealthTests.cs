using System.Net;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Tests.Health;

public sealed class HealthTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Health_is_ok_without_a_token_when_the_store_answers()
    {
        var body = await (await factory.CreateClient().GetAsync("/health")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("""{"status":"ok"}""", body.ToJsonString());
    }

    [Fact]
    public async Task Health_is_unavailable_while_the_store_cannot_be_reached_and_recovers_after()
    {
        // Its own service: this one breaks its store.
        using var broken = new ContactsApiFactory();
        var client = await broken.LoggedInClientAsync();
        var probe = broken.CreateClient();
        var id = (await client.CreateContactAsync()).Id();
        var movedAway = broken.DataFolder + "-moved";
        Directory.Move(broken.DataFolder, movedAway);
        await File.WriteAllTextAsync(broken.DataFolder, "a file where the data folder was");
        // Idle connections still hold the moved file open; without them the store must reopen it.
        broken.CloseStoreConnections();
        try
        {
            var health = await (await probe.GetAsync("/health")).AssertJsonAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("""{"status":"unavailable"}""", health.ToJsonString());
            // A token on an anonymous endpoint is never looked up, so health answers the same with one.
            var withToken = await (await client.GetAsync("/health")).AssertJsonAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("""{"status":"unavailable"}""", withToken.ToJsonString());
            await (await client.GetAsync($"/api/contacts/{id}"))
                .AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "The store is unavailable; try again later");
        }
        finally
        {
            File.Delete(broken.DataFolder);
            Directory.Move(movedAway, broken.DataFolder);
        }

        Assert.Equal("""{"status":"ok"}""", (await (await probe.GetAsync("/health")).AssertJsonAsync(HttpStatusCode.OK)).ToJsonString());
        Assert.Equal(id, (await client.GetContactAsync(id)).Id());
    }

    [Fact]
    public async Task Health_is_unavailable_when_the_file_is_not_a_database()
    {
        using var broken = new ContactsApiFactory();
        var client = broken.CreateClient();
        broken.CloseStoreConnections();
        var file = Path.Combine(broken.DataFolder, "contacts.db");
        foreach (var journal in Directory.GetFiles(broken.DataFolder, "contacts.db-*")) File.Delete(journal);
        await File.WriteAllTextAsync(file, new string('x', 8192));

        var health = await (await client.GetAsync("/health")).AssertJsonAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("""{"status":"unavailable"}""", health.ToJsonString());
    }
}
