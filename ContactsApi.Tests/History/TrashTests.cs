using System.Net;
using ContactsApi.Tests.Backup;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.History;

public sealed class TrashTests(ClockedContactsApiFactory factory) : IClassFixture<ClockedContactsApiFactory>
{
    private static readonly object FullCard = new
    {
        name = "Ann Full", email = "ann@example.com", favorite = true,
        phones = new[] { new { number = "+1 555 0100", label = "mobile" }, new { number = "+1 555 0101", label = "work" } },
        emails = new[] { new { address = "ann@example.com", label = "home" }, new { address = "ann@work.example", label = "work" } },
        organization = "Acme", title = "Boss", birthday = "1990-04-12", notes = "Line one\nLine two",
        addresses = new[] { new { label = "home", street = "1 Main St", city = "Kyiv", region = "", postcode = "01001", country = "Ukraine" } },
    };

    [Fact]
    public async Task A_deleted_contact_leaves_the_list_and_waits_in_the_trash_with_its_deletion_time()
    {
        var client = await factory.LoggedInClientAsync();
        var kept = await client.CreateContactAsync("Kept");
        var gone = await client.CreateContactAsync("Gone");
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var deleted = await (await client.DeleteContactAsync(gone.Id())).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal($"Contact by 'Id' - '{gone.Id()}' deleted", deleted.GetValue<string>());
        Assert.Equal([kept.Id()], (await client.ListAsync()).Ids());
        Assert.Equal(1, (await client.ListAsync())["total"]!.GetValue<int>());
        await (await client.GetAsync($"/api/contacts/{gone.Id()}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        var trash = await client.TrashAsync();
        Assert.Equal(1, trash["total"]!.GetValue<int>());
        Assert.Equal((1, 20), (trash["page"]!.GetValue<int>(), trash["per_page"]!.GetValue<int>()));
        var item = trash["data"]![0]!;
        Assert.Equal(gone.Id(), item.Id());
        Assert.Equal("Gone", item.Str("name"));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"), item.Str("deletedAt"));
        // Deleting it again finds nothing: it is no longer in the list.
        await (await client.DeleteContactAsync(gone.Id())).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task A_restored_contact_keeps_its_id_phones_and_every_field()
    {
        var client = await factory.LoggedInClientAsync();
        var created = await client.CreateContactAsync(FullCard);
        var before = await client.GetContactAsync(created.Id());
        await (await client.DeleteContactAsync(created.Id())).AssertJsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromHours(1));

        var restored = await client.RestoreAsync(created.Id());

        Assert.Equal(created.ToJsonString(), restored.ToJsonString());
        Assert.Equal(before.ToJsonString(), (await client.GetContactAsync(created.Id())).ToJsonString());
        Assert.Equal([created.Id()], (await client.ListAsync()).Ids());
        Assert.Equal(0, (await client.TrashAsync())["total"]!.GetValue<int>());
        await (await client.PostAsync($"/api/contacts/trash/{created.Id()}/restore", null)).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task A_purged_contact_is_gone_for_good_and_emptying_the_trash_purges_all_of_it()
    {
        var client = await factory.LoggedInClientAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await client.CreateContactAsync($"Contact {i}")).Id());
        foreach (var id in ids) await (await client.DeleteContactAsync(id)).AssertJsonAsync(HttpStatusCode.OK);

        var purged = await client.DeleteAsync($"/api/contacts/trash/{ids[0]}");

        Assert.Equal(HttpStatusCode.NoContent, purged.StatusCode);
        Assert.Equal("", await purged.Content.ReadAsStringAsync());
        Assert.Equal(2, (await client.TrashAsync())["total"]!.GetValue<int>());
        await (await client.DeleteAsync($"/api/contacts/trash/{ids[0]}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.PostAsync($"/api/contacts/trash/{ids[0]}/restore", null)).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.GetAsync($"/api/contacts/{ids[0]}/history")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/contacts/trash")).StatusCode);
        Assert.Equal(0, (await client.TrashAsync())["total"]!.GetValue<int>());
        Assert.Equal(0, (await client.ListAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_trash_pages_newest_deletion_first_and_refuses_a_bad_query()
    {
        var client = await factory.LoggedInClientAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = (await client.CreateContactAsync($"Contact {i}")).Id();
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await (await client.DeleteContactAsync(id)).AssertJsonAsync(HttpStatusCode.OK);
            ids.Add(id);
        }

        var page = await client.TrashAsync("?page=2&limit=2");

        Assert.Equal(5, page["total"]!.GetValue<int>());
        Assert.Equal([ids[2], ids[1]], page.Ids());
        await (await client.GetAsync("/api/contacts/trash?limit=0")).AssertErrorAsync(HttpStatusCode.BadRequest, "\"limit\" must be an integer from 1 to 100");
        await (await client.GetAsync("/api/contacts/trash?sort=name")).AssertErrorAsync(HttpStatusCode.BadRequest, "\"sort\" is not allowed");
    }

    [Fact]
    public async Task Another_users_trash_is_not_seen_restored_or_purged()
    {
        var owner = await factory.LoggedInClientAsync();
        var stranger = await factory.LoggedInClientAsync();
        var id = (await owner.CreateContactAsync()).Id();
        await (await owner.DeleteContactAsync(id)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, (await stranger.TrashAsync())["total"]!.GetValue<int>());
        await (await stranger.PostAsync($"/api/contacts/trash/{id}/restore", null)).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await stranger.DeleteAsync($"/api/contacts/trash/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await stranger.GetAsync($"/api/contacts/{id}/history")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        Assert.Equal(1, (await owner.TrashAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Trashed_contacts_leave_search_export_and_the_contact_limit_alone()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync("Findable Person")).Id();
        await (await client.DeleteContactAsync(id)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, (await client.ListAsync("?name=findable"))["total"]!.GetValue<int>());
        Assert.DoesNotContain("Findable", await client.ExportAsync());
        await (await client.GetAsync($"/api/contacts/{id}/vcard")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task The_trash_is_purged_in_the_background_once_older_than_the_retention()
    {
        var email = ContactsApiFactory.NewEmail();
        var client = await factory.LoggedInClientAsync(email);
        var old = (await client.CreateContactAsync("Old")).Id();
        await (await client.DeleteContactAsync(old)).AssertJsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromDays(29));
        // A token lives a day: the clock has moved on a month.
        await client.SignInAgainAsync(email);
        var recent = (await client.CreateContactAsync("Recent")).Id();
        await (await client.DeleteContactAsync(recent)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([recent, old], (await client.TrashAsync()).Ids());

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));

        await client.SignInAgainAsync(email);
        await HistoryCalls.EventuallyAsync(async () => (await client.TrashAsync()).Ids().SequenceEqual([recent]), "the purge has run");
        await (await client.PostAsync($"/api/contacts/trash/{old}/restore", null)).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }
}
