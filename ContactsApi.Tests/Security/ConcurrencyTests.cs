using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Security;

/// <summary>64 clients at once against one store: each race has exactly the outcome a single writer would allow.</summary>
public sealed class ConcurrencyTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const int Clients = 64;

    [Fact]
    public async Task Sixty_four_registrations_of_one_email_make_exactly_one_account()
    {
        var email = ContactsApiFactory.NewEmail();
        var responses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i =>
            factory.CreateClient().PostAsJsonAsync("/api/users/register",
                new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = ContactsApiFactory.Password })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.AssertErrorAsync(HttpStatusCode.Conflict, "Email in use");
    }

    [Fact]
    public async Task Concurrent_phone_adds_keep_every_acknowledged_phone_and_stop_at_twenty()
    {
        var client = await factory.LoggedInClientAsync();
        var id = await CreateContactAsync(client, "Many phones");

        var responses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i =>
            client.PostAsJsonAsync($"/api/contacts/{id}/phones", new { number = $"+1 555 {i:0000}", label = $"line {i}" })));

        var added = new List<string>();
        for (var i = 0; i < Clients; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.Created)
            {
                var body = await responses[i].AssertJsonAsync(HttpStatusCode.Created);
                added.Add(body["phones"]!.AsArray().Single(p => p!["label"]!.GetValue<string>() == $"line {i}")!["_id"]!.GetValue<string>());
            }
            else await responses[i].AssertErrorAsync(HttpStatusCode.BadRequest, "A contact can have at most 20 phones");
        }
        Assert.Equal(19, added.Count);

        var stored = await (await client.GetAsync($"/api/contacts/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var phoneIds = stored["phones"]!.AsArray().Select(p => p!["_id"]!.GetValue<string>()).ToList();
        Assert.Equal(20, phoneIds.Count);
        Assert.All(added, phone => Assert.Contains(phone, phoneIds));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_contact_leave_exactly_one_whole_write()
    {
        var client = await factory.LoggedInClientAsync();
        var id = await CreateContactAsync(client, "Contended");
        var writes = Enumerable.Range(0, Clients).Select(i => new JsonObject
        {
            ["name"] = $"Writer {i}",
            ["email"] = $"writer{i}@example.com",
            ["favorite"] = i % 2 == 0,
            ["phones"] = new JsonArray(new JsonObject { ["number"] = $"+1 555 {i:0000}", ["label"] = $"label {i}" },
                new JsonObject { ["number"] = $"+1 556 {i:0000}", ["label"] = "work" }),
        }).ToArray();

        var responses = await Task.WhenAll(writes.Select(w => client.PutAsJsonAsync($"/api/contacts/{id}", w)));
        foreach (var response in responses) await response.AssertJsonAsync(HttpStatusCode.OK);

        var stored = await (await client.GetAsync($"/api/contacts/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var winner = writes.SingleOrDefault(w => Content(w) == Content(stored));
        Assert.True(winner is not null, $"the stored contact mixes writes: {stored.ToJsonString()}");
        Assert.Equal(stored["phones"]![0]!["number"]!.GetValue<string>(), stored["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sixty_four_concurrent_writers_never_get_a_locked_database_or_a_5xx()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => factory.LoggedInClientAsync()));

        var outcomes = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var statuses = new List<string>();
            var id = (await (await client.PostAsJsonAsync("/api/contacts", new { name = $"Busy {i}", email = "busy@example.com", phone = "+1 555 0100" }))
                .AssertJsonAsync(HttpStatusCode.Created))["_id"]!.GetValue<string>();
            for (var round = 0; round < 5; round++)
            {
                statuses.Add(await Status(client.PutAsJsonAsync($"/api/contacts/{id}", new { name = $"Busy {i} round {round}" })));
                statuses.Add(await Status(client.PostAsJsonAsync($"/api/contacts/{id}/phones", new { number = $"+1 555 {round:0000}", label = "work" })));
                statuses.Add(await Status(client.PatchAsJsonAsync($"/api/contacts/{id}/favorite", new { favorite = round % 2 == 0 })));
                statuses.Add(await Status(client.GetAsync("/api/contacts?sort=updatedAt&order=desc")));
            }
            statuses.Add(await Status(client.DeleteAsync($"/api/contacts/{id}")));
            return statuses;
        }));

        var failed = outcomes.SelectMany(s => s).Where(s => !s.StartsWith('2')).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Take(10)));
        Assert.Equal(Clients * 21, outcomes.Sum(s => s.Count));
    }

    private static async Task<string> Status(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private static async Task<string> CreateContactAsync(HttpClient client, string name) =>
        (await (await client.PostAsJsonAsync("/api/contacts", new { name, email = "race@example.com", phone = "+1 555 0000" }))
            .AssertJsonAsync(HttpStatusCode.Created))["_id"]!.GetValue<string>();

    private static string Content(JsonNode c) =>
        $"{c["name"]}|{c["email"]}|{c["favorite"]}|" + string.Join(";", c["phones"]!.AsArray().Select(p => $"{p!["number"]}:{p["label"]}"));
}
