using System.Net;
using ContactsApi.Tests.Admin;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.History;

/// <summary>A service whose users may have two contacts each, and an admin.</summary>
public sealed class TwoContactsFactory : AdminApiFactory
{
    public TwoContactsFactory() => Settings["Limits:ContactsPerUser"] = "2";
}

public sealed class TrashAndLimitsTests(TwoContactsFactory factory) : IClassFixture<TwoContactsFactory>
{
    [Fact]
    public async Task The_trash_does_not_count_toward_the_contact_limit_but_a_restore_past_it_is_refused()
    {
        var client = await factory.LoggedInClientAsync();
        var first = (await client.CreateContactAsync("First")).Id();
        await client.CreateContactAsync("Second");
        await (await client.DeleteContactAsync(first)).AssertJsonAsync(HttpStatusCode.OK);

        await client.CreateContactAsync("Third");

        await (await client.PostAsync($"/api/contacts/trash/{first}/restore", null))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "A user can have at most 2 contacts");
        Assert.Equal(1, (await client.TrashAsync())["total"]!.GetValue<int>());
        Assert.Equal(2, (await client.ListAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_admins_list_of_users_with_their_contacts_leaves_the_trash_out()
    {
        var admin = await factory.AdminClientAsync();
        var (userId, _, user) = await factory.NewUserAsync();
        var kept = await AdminApiFactory.AddContactAsync(user, "Kept");
        var trashed = await AdminApiFactory.AddContactAsync(user, "Trashed");
        await (await user.DeleteContactAsync(trashed)).AssertJsonAsync(HttpStatusCode.OK);

        var body = await (await admin.GetAsync($"/users/{userId}?include=contacts")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal([kept], body["data"]!["contacts"]!.AsArray().Select(c => c!.Id()));
    }
}
