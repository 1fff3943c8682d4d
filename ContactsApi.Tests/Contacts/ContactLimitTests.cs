using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

/// <summary>The service configured for two contacts a user.</summary>
public sealed class TwoContactsFactory : ContactsApiFactory
{
    public TwoContactsFactory() => Settings["Limits:ContactsPerUser"] = "2";
}

public sealed class ContactLimitTests(TwoContactsFactory factory) : IClassFixture<TwoContactsFactory>
{
    [Fact]
    public async Task A_create_past_the_users_limit_answers_403_naming_the_limit_and_adds_nothing()
    {
        var client = await factory.LoggedInClientAsync();
        var first = await client.CreateContactAsync("Ann");
        await client.CreateContactAsync("Bob");

        var refused = await client.PostAsJsonAsync("/api/contacts", new { name = "Cat", email = "cat@n.net", phone = "+1 555 0100" });

        await refused.AssertErrorAsync(HttpStatusCode.Forbidden, "A user can have at most 2 contacts");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var page = await client.ListAsync();
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Equal(["Ann", "Bob"], page["data"]!.AsArray().Select(c => c!.Str("name")));

        // Another user has a limit of their own; a delete makes room again.
        await (await factory.LoggedInClientAsync()).CreateContactAsync("Dan");
        (await client.DeleteAsync($"/api/contacts/{first.Id()}")).EnsureSuccessStatusCode();
        await client.CreateContactAsync("Cat");
    }
}
