using System.Net;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.History;

public sealed class ConditionalRequestTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const string Stale = "The contact has changed; fetch it again";

    private static async Task<(JsonNode Body, string ETag)> SendAsync(HttpClient client, HttpRequestMessage request, HttpStatusCode status)
    {
        var response = await client.SendAsync(request);
        return (await response.AssertJsonAsync(status), response.ETag());
    }

    [Fact]
    public async Task The_ETag_of_a_write_is_the_one_a_later_GET_gives_and_a_matching_If_None_Match_is_304()
    {
        var client = await factory.LoggedInClientAsync();
        var created = await client.PostAsync("/api/contacts",
            new StringContent("""{"name":"Ann","email":"ann@example.com","phone":"+1 555 0100"}""", System.Text.Encoding.UTF8, "application/json"));
        var id = (await created.AssertJsonAsync(HttpStatusCode.Created)).Id();
        var get = await client.GetAsync($"/api/contacts/{id}");
        await get.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(created.ETag(), get.ETag());
        Assert.Matches("^\"[A-Za-z0-9_-]{22}\"$", get.ETag());

        var (_, put) = await SendAsync(client, HistoryCalls.Conditional(HttpMethod.Put, $"/api/contacts/{id}", "If-Match", get.ETag(), """{"name":"Bo"}"""),
            HttpStatusCode.OK);
        Assert.NotEqual(get.ETag(), put);
        Assert.Equal(put, (await client.GetAsync($"/api/contacts/{id}")).ETag());

        var notModified = await client.SendAsync(HistoryCalls.Conditional(HttpMethod.Get, $"/api/contacts/{id}", "If-None-Match", put));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("", await notModified.Content.ReadAsStringAsync());
        Assert.Equal(put, notModified.ETag());
        var modified = await client.SendAsync(HistoryCalls.Conditional(HttpMethod.Get, $"/api/contacts/{id}", "If-None-Match", get.ETag()));
        Assert.Equal("Bo", (await modified.AssertJsonAsync(HttpStatusCode.OK)).Str("name"));

        var (phoneAdded, added) = await SendAsync(client,
            HistoryCalls.Conditional(HttpMethod.Post, $"/api/contacts/{id}/phones", "If-Match", put, """{"number":"+1 555 0101","label":"work"}"""),
            HttpStatusCode.Created);
        Assert.Equal(added, (await client.GetAsync($"/api/contacts/{id}")).ETag());
        var (_, favorite) = await SendAsync(client,
            HistoryCalls.Conditional(HttpMethod.Patch, $"/api/contacts/{id}/favorite", "If-Match", added, """{"favorite":true}"""), HttpStatusCode.OK);
        var phoneId = phoneAdded.Phones()[1]!.Id();
        var (_, relabelled) = await SendAsync(client,
            HistoryCalls.Conditional(HttpMethod.Put, $"/api/contacts/{id}/phones/{phoneId}", "If-Match", favorite, """{"label":"home"}"""),
            HttpStatusCode.OK);
        var (_, removed) = await SendAsync(client,
            HistoryCalls.Conditional(HttpMethod.Delete, $"/api/contacts/{id}/phones/{phoneId}", "If-Match", relabelled), HttpStatusCode.OK);
        Assert.Equal(removed, (await client.GetAsync($"/api/contacts/{id}")).ETag());
    }

    [Theory]
    [InlineData("PUT", "", """{"name":"Stale"}""")]
    [InlineData("PATCH", "/favorite", """{"favorite":true}""")]
    [InlineData("POST", "/phones", """{"number":"+1 555 0199","label":"work"}""")]
    [InlineData("PUT", "/phones/{phoneId}", """{"label":"stale"}""")]
    [InlineData("DELETE", "/phones/{phoneId}", null)]
    [InlineData("DELETE", "", null)]
    public async Task A_write_with_a_stale_If_Match_is_412_and_changes_nothing(string method, string path, string? body)
    {
        var client = await factory.LoggedInClientAsync();
        var created = await client.CreateContactAsync(new
        {
            name = "Ann", email = "ann@example.com", phones = new[] { new { number = "+1 555 0100", label = "mobile" }, new { number = "+1 555 0101", label = "work" } },
        });
        var id = created.Id();
        var stale = (await client.GetAsync($"/api/contacts/{id}")).ETag();
        await (await client.PutJsonAsync($"/api/contacts/{id}", """{"notes":"changed by another device"}""")).AssertJsonAsync(HttpStatusCode.OK);
        var before = await client.GetContactAsync(id);
        var url = $"/api/contacts/{id}{path.Replace("{phoneId}", created.Phones()[1]!.Id())}";

        var refused = await client.SendAsync(HistoryCalls.Conditional(new HttpMethod(method), url, "If-Match", stale, body));

        await refused.AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);
        Assert.Equal(before.ToJsonString(), (await client.GetContactAsync(id)).ToJsonString());
        Assert.Equal(0, (await client.TrashAsync())["total"]!.GetValue<int>());
        // The same write with the current tag goes through.
        var current = (await client.GetAsync($"/api/contacts/{id}")).ETag();
        var done = await client.SendAsync(HistoryCalls.Conditional(new HttpMethod(method), url, "If-Match", current, body));
        Assert.True(done.IsSuccessStatusCode, $"{(int)done.StatusCode}: {await done.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Sixteen_clients_reading_and_writing_one_contact_with_If_Match_lose_no_update()
    {
        const int clients = 16, eachAdds = 3;
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync(new { name = "Counter", email = "c@example.com", phone = "+1 555 0100", notes = "" })).Id();
        var refusals = 0;

        // Each client appends its marks to the notes, one read-modify-write at a time, retrying on 412.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var n = 0; n < eachAdds; n++)
                while (true)
                {
                    var read = await client.GetAsync($"/api/contacts/{id}");
                    var notes = (await read.AssertJsonAsync(HttpStatusCode.OK))["notes"]?.GetValue<string>() ?? "";
                    var body = new JsonObject { ["notes"] = notes + $"[{c}.{n}]" }.ToJsonString();
                    var write = await client.SendAsync(HistoryCalls.Conditional(HttpMethod.Put, $"/api/contacts/{id}", "If-Match", read.ETag(), body));
                    if (write.StatusCode == HttpStatusCode.OK) break;
                    await write.AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);
                    Interlocked.Increment(ref refusals);
                }
        })));

        var notes = (await client.GetContactAsync(id)).Str("notes");
        var marks = System.Text.RegularExpressions.Regex.Matches(notes, @"\[\d+\.\d+\]").Select(m => m.Value).ToList();
        Assert.Equal(clients * eachAdds, marks.Count);
        Assert.Equal(clients * eachAdds, marks.Distinct().Count());
        // Every landed write is a version: the history holds them all, and the conflicts were real.
        var versions = (await client.HistoryAsync(id))["data"]!.AsArray();
        Assert.Equal(1 + clients * eachAdds, versions.Count);
        Assert.True(refusals > 0, "no write was ever refused: the clients never raced");
    }
}
