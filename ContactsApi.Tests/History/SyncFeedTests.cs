using System.Net;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Backup;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContactsApi.Tests.History;

/// <summary>A sync client as a phone would be one: it keeps what the feed gave it, and must end with what the server has.</summary>
public sealed class SyncFeedTests(ClockedContactsApiFactory factory) : IClassFixture<ClockedContactsApiFactory>
{
    /// <summary>One step of a run: a write of some kind on the <c>Target</c>-th contact, or a sync in pages of <c>Limit</c>.</summary>
    public sealed record Step(int Kind, int Target, int Limit);

    private static readonly Gen<Step> Steps =
        from kind in Gen.Choose(0, 7)
        from target in Gen.Choose(0, 1000)
        from limit in Gen.Choose(1, 4)
        select new Step(kind, target, limit);

    /// <summary>The client's copy: contacts by id, each as the feed last gave it.</summary>
    private sealed class Replica
    {
        public Dictionary<string, string> Contacts { get; } = [];
        public string? Token { get; set; }

        /// <summary>Follows the feed to its end; each contact shows at most once across the pages of one sync.</summary>
        public async Task SyncAsync(HttpClient client, int limit)
        {
            var seen = new HashSet<string>();
            for (var more = true; more;)
            {
                var page = await client.ChangesAsync(Token, limit);
                foreach (var contact in page["changes"]!.AsArray().Select(c => c!))
                {
                    Assert.True(seen.Add(contact.Id()), $"{contact.Id()} came twice in one sync");
                    Contacts[contact.Id()] = contact.ToJsonString();
                }
                foreach (var id in page["deleted"]!.AsArray().Select(d => d!.GetValue<string>()))
                {
                    Assert.True(seen.Add(id), $"{id} came twice in one sync");
                    Contacts.Remove(id);
                }
                Assert.True(page["changes"]!.AsArray().Count + page["deleted"]!.AsArray().Count <= limit);
                (Token, more) = (page.Str("next"), page["more"]!.GetValue<bool>());
            }
        }
    }

    private static async Task<Dictionary<string, string>> ServerAsync(HttpClient client) =>
        (await client.WholeBookAsync()).Select(c => JsonNode.Parse(c)!).ToDictionary(c => c.Id(), c => c.ToJsonString());

    [Property(MaxTest = 25)]
    public Property A_client_replaying_the_feed_between_any_writes_ends_equal_to_the_server() =>
        Prop.ForAll(Steps.ListOf().ToArbitrary(), steps => RunAsync(steps).GetAwaiter().GetResult());

    private async Task RunAsync(IEnumerable<Step> steps)
    {
        var client = await factory.LoggedInClientAsync();
        var replica = new Replica();
        var live = new List<string>();
        var trashed = new List<string>();
        var made = 0;
        foreach (var step in steps)
        {
            factory.Clock.Advance(TimeSpan.FromMilliseconds(1));
            string Pick(List<string> ids) => ids[step.Target % ids.Count];
            switch (step.Kind)
            {
                case 0 or 1:
                    live.Add((await client.CreateContactAsync($"Made {made++}", $"m{made}@example.com", "+1 555 0100")).Id());
                    break;
                case 2 when live.Count > 0:
                    await (await client.PutJsonAsync($"/api/contacts/{Pick(live)}", $$"""{"name":"Edited {{step.Target}}"}""")).AssertJsonAsync(HttpStatusCode.OK);
                    break;
                case 3 when live.Count > 0:
                    await (await client.PostJsonAsync($"/api/contacts/{Pick(live)}/phones", """{"number":"+1 555 0101","label":"work"}"""))
                        .AssertJsonAsync(HttpStatusCode.Created);
                    break;
                case 4 when live.Count > 0:
                    var gone = Pick(live);
                    await (await client.DeleteContactAsync(gone)).AssertJsonAsync(HttpStatusCode.OK);
                    (live, trashed) = (live.Where(id => id != gone).ToList(), [.. trashed, gone]);
                    break;
                case 5 when trashed.Count > 0:
                    var back = Pick(trashed);
                    await client.RestoreAsync(back);
                    (live, trashed) = ([.. live, back], trashed.Where(id => id != back).ToList());
                    break;
                case 6:
                    var report = await client.ImportAsync(BackupCalls.Card($"Imported {step.Target % 5}", $"TEL:+1 555 {step.Target % 5:0000}",
                        $"NOTE:{step.Limit}"));
                    if (report["created"]!.GetValue<int>() == 1) live = (await ServerAsync(client)).Keys.ToList();
                    break;
                default:
                    await replica.SyncAsync(client, step.Limit);
                    Assert.Equal(await ServerAsync(client), replica.Contacts);
                    break;
            }
        }
        await replica.SyncAsync(client, 3);
        Assert.Equal(await ServerAsync(client), replica.Contacts);
    }

    [Fact]
    public async Task A_first_sync_gives_every_live_contact_and_a_later_one_only_what_changed_with_deletes_as_tombstones()
    {
        var client = await factory.LoggedInClientAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await client.CreateContactAsync($"Contact {i}")).Id());
        await (await client.DeleteContactAsync(ids[4])).AssertJsonAsync(HttpStatusCode.OK);

        var first = await client.ChangesAsync(limit: 3);
        Assert.Equal(ids.Take(3), first["changes"]!.AsArray().Select(c => c!.Id()));
        Assert.True(first["more"]!.GetValue<bool>());
        var rest = await client.ChangesAsync(first.Str("next"), 3);
        Assert.Equal([ids[3]], rest["changes"]!.AsArray().Select(c => c!.Id()));
        Assert.Equal([ids[4]], rest["deleted"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.False(rest["more"]!.GetValue<bool>());

        await (await client.PutJsonAsync($"/api/contacts/{ids[1]}", """{"name":"Changed"}""")).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.DeleteContactAsync(ids[2])).AssertJsonAsync(HttpStatusCode.OK);
        var later = await client.ChangesAsync(rest.Str("next"));

        Assert.Equal([ids[1]], later["changes"]!.AsArray().Select(c => c!.Id()));
        Assert.Equal("Changed", later["changes"]![0]!.Str("name"));
        Assert.Equal([ids[2]], later["deleted"]!.AsArray().Select(d => d!.GetValue<string>()));
        var nothing = await client.ChangesAsync(later.Str("next"));
        Assert.Empty(nothing["changes"]!.AsArray());
        Assert.Empty(nothing["deleted"]!.AsArray());
        Assert.False(nothing["more"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_token_older_than_the_retention_is_410_and_one_that_is_not_a_token_is_400()
    {
        var email = ContactsApiFactory.NewEmail();
        var client = await factory.LoggedInClientAsync(email);
        var stranger = await factory.LoggedInClientAsync();
        await client.CreateContactAsync();
        var token = (await client.ChangesAsync()).Str("next");

        var forged = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");
        await (await client.GetAsync($"/api/contacts/changes?since={forged}")).AssertErrorAsync(HttpStatusCode.BadRequest, "\"since\" is not a sync token");
        await (await client.GetAsync("/api/contacts/changes?since=not-a-token")).AssertErrorAsync(HttpStatusCode.BadRequest, "\"since\" is not a sync token");
        // Another user's token is not one for this user.
        await (await stranger.GetAsync($"/api/contacts/changes?since={token}")).AssertErrorAsync(HttpStatusCode.BadRequest, "\"since\" is not a sync token");
        await (await client.GetAsync("/api/contacts/changes?limit=1001")).AssertErrorAsync(HttpStatusCode.BadRequest, "\"limit\" must be an integer from 1 to 1000");

        factory.Clock.Advance(TimeSpan.FromDays(29));
        await client.SignInAgainAsync(email);
        Assert.False((await client.ChangesAsync(token))["more"]!.GetValue<bool>());
        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await client.SignInAgainAsync(email);

        await (await client.GetAsync($"/api/contacts/changes?since={token}"))
            .AssertErrorAsync(HttpStatusCode.Gone, "The sync token has expired; sync again from the start");
    }
}
