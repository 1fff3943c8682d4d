using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Admin;

public sealed class UserListTests(CountingAdminApiFactory factory) : IClassFixture<CountingAdminApiFactory>
{
    private static readonly string[] UserFields = ["_id", "name", "email", "subscription", "is_active", "is_admin", "avatarURL", "createdAt"];

    [Fact]
    public async Task Users_with_all_their_contacts_take_one_call_for_the_users_and_one_for_all_their_contacts()
    {
        var admin = await factory.AdminClientAsync();
        var owners = new List<(string Id, string[] Contacts)>();
        for (var i = 0; i < 3; i++)
        {
            var (id, _, client) = await factory.NewUserAsync();
            var zed = await AdminApiFactory.AddContactAsync(client, "Zed");
            var ann = await AdminApiFactory.AddContactAsync(client, "Ann");
            owners.Add((id, [ann, zed]));
        }
        var (lonelyId, _, _) = await factory.NewUserAsync();
        var users = factory.UserCalls.Snapshot();
        var contacts = factory.ContactCalls.Snapshot();

        var body = await (await admin.GetAsync("/users?limit=100&include=contacts")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(new Dictionary<string, int> { ["ListAsync"] = 1 }, factory.UserCalls.Since(users));
        Assert.Equal(new Dictionary<string, int> { ["StreamByOwnersAsync"] = 1 }, factory.ContactCalls.Since(contacts));
        Assert.True(body["success"]!.GetValue<bool>());
        var data = body["data"]!.AsArray();
        foreach (var (id, expected) in owners)
        {
            var listed = UserById(data, id)["contacts"]!.AsArray();
            Assert.Equal(expected, listed.Select(c => c!["_id"]!.GetValue<string>()));
            foreach (var contact in listed)
            {
                Assert.Equal(id, contact!["owner"]!.GetValue<string>());
                Assert.Equal("+31 6 1234 5678", contact["phone"]!.GetValue<string>());
                var phones = contact["phones"]!.AsArray();
                Assert.Equal(["mobile", "work"], phones.Select(p => p!["label"]!.GetValue<string>()));
                Assert.Equal(["+31 6 1234 5678", "(020) 555-0101"], phones.Select(p => p!["number"]!.GetValue<string>()));
                Assert.All(phones, p => Assert.Equal(24, p!["_id"]!.GetValue<string>().Length));
            }
        }
        Assert.Empty(UserById(data, lonelyId)["contacts"]!.AsArray());
    }

    [Fact]
    public async Task Contacts_are_written_as_the_store_reads_them_never_held_whole()
    {
        const int Many = 1_000;
        var admin = await factory.AdminClientAsync();
        var (id, _, _) = await factory.NewUserAsync();
        var store = factory.Services.GetRequiredService<IContactRepository>();
        // About 2 KB each (20 numbers): 2 MB of contacts for one user, read in name order.
        for (var i = 0; i < Many; i++)
            await store.AddAsync(new Contact
            {
                Id = ObjectIds.New(),
                Owner = id,
                Name = $"Contact {Many - i:0000}",
                Email = $"contact{i}@example.com",
                Phones = [.. Enumerable.Range(0, 20).Select(n => new Phone(ObjectIds.New(), $"+31 6 1234 {n:0000}", "a label of some length"))],
                CreatedAt = DateTime.UnixEpoch,
                UpdatedAt = DateTime.UnixEpoch,
            });
        var streamed = factory.StreamedContacts.Snapshot();

        using var response = await admin.GetAsync("/users?limit=100&include=contacts", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var start = new byte[16 * 1024];
        await body.ReadExactlyAsync(start);

        // The service can run ahead of its client only by what the response's buffers hold, some dozens of
        // these contacts; one that built the answer whole had read every contact before its first byte.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(factory.StreamedContacts.Since(streamed).GetValueOrDefault("StreamByOwnersAsync"), 1, Many / 5);
        using var whole = new MemoryStream();
        whole.Write(start);
        await body.CopyToAsync(whole);
        var listed = UserById(JsonNode.Parse(whole.ToArray())!["data"]!.AsArray(), id)["contacts"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, Many).Select(n => $"Contact {n:0000}"), listed.Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(listed, c => Assert.Equal(20, c!["phones"]!.AsArray().Count));
    }

    [Fact]
    public async Task Without_include_each_user_has_exactly_the_user_fields()
    {
        var admin = await factory.AdminClientAsync();
        var (id, email, _) = await factory.NewUserAsync();
        var contacts = factory.ContactCalls.Snapshot();

        var body = await (await admin.GetAsync("/users?limit=100")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Empty(factory.ContactCalls.Since(contacts));
        var user = UserById(body["data"]!.AsArray(), id);
        Assert.Equal(UserFields, user.Select(p => p.Key));
        Assert.Equal(email, user["email"]!.GetValue<string>());
        Assert.Equal("starter", user["subscription"]!.GetValue<string>());
        Assert.True(user["is_active"]!.GetValue<bool>());
        Assert.False(user["is_admin"]!.GetValue<bool>());
        Assert.Equal("/avatars/default.png", user["avatarURL"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", user["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_list_is_sorted_by_creation_then_id_and_pages_without_repeats_or_gaps()
    {
        var admin = await factory.AdminClientAsync();
        for (var i = 0; i < 22; i++)
            (await admin.PostAsJsonAsync("/users", new { name = $"User {i}", email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password }))
                .EnsureSuccessStatusCode();

        var all = (await (await admin.GetAsync("/users?limit=100")).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        var firstPage = (await (await admin.GetAsync("/users")).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        var paged = new List<string>();
        for (var page = 1; page <= (all.Count + 6) / 7; page++)
            paged.AddRange((await (await admin.GetAsync($"/users?limit=7&page={page}")).AssertJsonAsync(HttpStatusCode.OK))["data"]!
                .AsArray().Select(u => u!["_id"]!.GetValue<string>()));
        var beyond = (await (await admin.GetAsync("/users?limit=100&page=99")).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

        var keys = all.Select(u => (u!["createdAt"]!.GetValue<string>(), u["_id"]!.GetValue<string>())).ToArray();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
        Assert.Equal(20, firstPage.Count);
        Assert.Equal(keys.Take(20).Select(k => k.Item2), firstPage.Select(u => u!["_id"]!.GetValue<string>()));
        Assert.Equal(keys.Select(k => k.Item2), paged);
        Assert.Empty(beyond);
    }

    [Theory]
    [InlineData("limit=0", "\"limit\" must be an integer from 1 to 100")]
    [InlineData("limit=101", "\"limit\" must be an integer from 1 to 100")]
    [InlineData("limit=ten", "\"limit\" must be an integer from 1 to 100")]
    [InlineData("limit=-1", "\"limit\" must be an integer from 1 to 100")]
    [InlineData("limit=", "\"limit\" must be an integer from 1 to 100")]
    [InlineData("page=0", "\"page\" must be an integer of at least 1")]
    [InlineData("page=1.5", "\"page\" must be an integer of at least 1")]
    [InlineData("page=99999999999", "\"page\" must be an integer of at least 1")]
    [InlineData("include=phones", "\"include\" must be one of [contacts]")]
    [InlineData("include=", "\"include\" must be one of [contacts]")]
    [InlineData("page=", "\"page\" must be an integer of at least 1")]
    [InlineData("include=Contacts", "\"include\" must be one of [contacts]")]
    [InlineData("sort=name", "\"sort\" is not allowed")]
    [InlineData("limit=5&limit=6", "\"limit\" must be given once")]
    public async Task A_bad_query_parameter_is_refused_by_name(string query, string message)
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.GetAsync($"/users?{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }

    private static JsonObject UserById(JsonArray users, string id) =>
        users.Single(u => u!["_id"]!.GetValue<string>() == id)!.AsObject();
}
