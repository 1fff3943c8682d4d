using System.Net;
using System.Text;
using ContactsApi.Tests.Backup;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.History;

public sealed class UndoTests(ClockedContactsApiFactory factory) : IClassFixture<ClockedContactsApiFactory>
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private static string Person(int i) => $"Person {i:0000}";

    private static string Cards(IEnumerable<int> people, Func<int, string> email) => string.Concat(people.Select(i =>
        BackupCalls.Card(Person(i), $"TEL;TYPE=CELL:+1 555 {i:0000}", $"EMAIL:{email(i)}", i % 7 == 0 ? $"NOTE:Note of {i}" : "ORG:Acme")));

    [Fact]
    public async Task Undo_puts_a_book_of_a_thousand_back_as_it_was_field_for_field_and_can_itself_be_undone()
    {
        var client = await factory.LoggedInClientAsync();
        Assert.Equal((1000, 0, 0, 0), (await client.ImportAsync(Cards(Enumerable.Range(0, 1000), i => $"p{i}@example.com"))).Counts());
        var ids = (await client.WholeBookAsync()).Select(c => System.Text.Json.Nodes.JsonNode.Parse(c)!).ToDictionary(c => c.Str("name"), c => c.Id());
        // Before the moment: some deleted, to be restored after it.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 300; i < 305; i++) await (await client.DeleteContactAsync(ids[Person(i)])).AssertJsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var moment = Now;
        var then = await client.WholeBookAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        // After it: creates, edits, phone edits, deletes, restores and an import that updates and creates.
        for (var i = 0; i < 20; i++) await client.CreateContactAsync($"New {i}", $"new{i}@example.com", "+1 555 9999");
        for (var i = 100; i < 140; i++)
            await (await client.PutJsonAsync($"/api/contacts/{ids[Person(i)]}", """{"name":"Renamed","favorite":true,"notes":"edited"}"""))
                .AssertJsonAsync(HttpStatusCode.OK);
        for (var i = 140; i < 150; i++)
            await (await client.PostJsonAsync($"/api/contacts/{ids[Person(i)]}/phones", """{"number":"+1 555 7777","label":"work"}"""))
                .AssertJsonAsync(HttpStatusCode.Created);
        for (var i = 200; i < 230; i++) await (await client.DeleteContactAsync(ids[Person(i)])).AssertJsonAsync(HttpStatusCode.OK);
        for (var i = 300; i < 305; i++) await client.RestoreAsync(ids[Person(i)]);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var import = await client.ImportAsync(Cards(Enumerable.Range(0, 50).Concat(Enumerable.Range(5000, 25)), i => $"changed{i}@example.com"));
        Assert.Equal((25, 50, 0, 0), import.Counts());
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var beforeUndo = Now;
        var changed = await client.WholeBookAsync();
        Assert.NotEqual(then, changed);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        var undone = await client.UndoAsync(moment);

        Assert.Equal((100, 30, 50),
            (undone["reverted"]!.GetValue<int>(), undone["restored"]!.GetValue<int>(), undone["trashed"]!.GetValue<int>()));
        Assert.Equal(then, await client.WholeBookAsync());
        Assert.Equal(1000 - 5, (await client.ListAsync())["total"]!.GetValue<int>());

        // The undo was a change like any other: undone in turn, the book is as it was just before it.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var redone = await client.UndoAsync(beforeUndo);
        // What the undo restored goes back to the trash, and what it trashed comes back.
        Assert.Equal((100, 50, 30),
            (redone["reverted"]!.GetValue<int>(), redone["restored"]!.GetValue<int>(), redone["trashed"]!.GetValue<int>()));
        Assert.Equal(changed, await client.WholeBookAsync());
    }

    [Fact]
    public async Task Undo_refuses_a_moment_outside_the_retention_or_not_a_time()
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.PostJsonAsync("/api/contacts/undo", $$"""{"to":"{{Now.AddDays(-31):yyyy-MM-ddTHH:mm:ssZ}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "\"to\" must be within the last 30 days");
        await (await client.PostJsonAsync("/api/contacts/undo", $$"""{"to":"{{Now.AddHours(1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "\"to\" must not be in the future");
        await (await client.PostJsonAsync("/api/contacts/undo", """{"to":"yesterday"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "\"to\" must be an ISO 8601 time with an offset, such as 2026-11-30T09:15:00Z");
        await (await client.PostJsonAsync("/api/contacts/undo", """{"to":"2026-11-30T09:15:00"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "\"to\" must be an ISO 8601 time with an offset, such as 2026-11-30T09:15:00Z");
        await (await client.PostJsonAsync("/api/contacts/undo", "{}")).AssertErrorAsync(HttpStatusCode.BadRequest, "\"to\" is required");
    }

    [Fact]
    public async Task History_shows_each_version_newest_first_also_from_phone_edits_deletes_and_restores()
    {
        var client = await factory.LoggedInClientAsync();
        var created = await client.CreateContactAsync("First", "first@example.com", "+1 555 0100");
        var id = created.Id();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await client.PutJsonAsync($"/api/contacts/{id}", """{"name":"Second"}""")).AssertJsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await client.PostJsonAsync($"/api/contacts/{id}/phones", """{"number":"+1 555 0101","label":"work"}"""))
            .AssertJsonAsync(HttpStatusCode.Created);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await client.DeleteContactAsync(id)).AssertJsonAsync(HttpStatusCode.OK);

        var trashed = (await client.HistoryAsync(id))["data"]!.AsArray();
        Assert.Equal([3L, 2L, 1L], trashed.Select(v => v!["version"]!.GetValue<long>()));

        await client.RestoreAsync(id);
        var current = await client.GetContactAsync(id);
        var versions = (await client.HistoryAsync(id))["data"]!.AsArray();

        Assert.Equal([5L, 3L, 2L, 1L], versions.Select(v => v!["version"]!.GetValue<long>()));
        Assert.Equal(current.ToJsonString(), versions[0]!["contact"]!.ToJsonString());
        Assert.Equal(["Second", "Second", "Second", "First"], versions.Select(v => v!["contact"]!.Str("name")));
        Assert.Equal([2, 2, 1, 1], versions.Select(v => v!["contact"]!.Phones().Count));
        Assert.Equal(created.Str("createdAt"), versions[3]!.Str("at"));
        Assert.Equal(versions[0]!["contact"]!.Str("updatedAt"), versions[0]!.Str("at"));
        Assert.Equal(current["owner"]!.ToJsonString(), versions[3]!["contact"]!["owner"]!.ToJsonString());
    }
}
