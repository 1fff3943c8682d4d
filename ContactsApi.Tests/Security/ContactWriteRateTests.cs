using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Security;

/// <summary>Three contact writes at once, then one a second, on a clock the tests move.</summary>
public sealed class ContactWriteRateFactory : ClockedContactsApiFactory
{
    public ContactWriteRateFactory()
    {
        Settings["RateLimits:ContactWrites:TokenLimit"] = "3";
        Settings["RateLimits:ContactWrites:TokensPerSecond"] = "1";
    }
}

public sealed class ContactWriteRateTests(ContactWriteRateFactory factory) : IClassFixture<ContactWriteRateFactory>
{
    private const string LimitMessage = "Too many requests; try again later";

    [Fact]
    public async Task A_users_contact_writes_are_refused_past_the_burst_and_let_through_as_tokens_come_back()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync("Ann")).Id();
        await client.CreateContactAsync("Bob");
        await (await client.PatchAsJsonAsync($"/api/contacts/{id}/favorite", new { favorite = true })).AssertJsonAsync(HttpStatusCode.OK);

        var refused = await client.PutAsJsonAsync($"/api/contacts/{id}", new { name = "Refused" });

        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        await (await client.PostAsJsonAsync("/api/contacts", new { name = "Cat", email = "cat@n.net", phone = "+1 555 0100" }))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
        // Reads are not writes, and the refused writes changed nothing.
        var page = await client.ListAsync();
        Assert.Equal(["Ann", "Bob"], page["data"]!.AsArray().Select(c => c!.Str("name")));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await client.DeleteAsync($"/api/contacts/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/contacts", new { name = "Cat", email = "cat@n.net", phone = "+1 555 0100" }))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);

        // A long pause fills the bucket up to its size, not beyond.
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 3; i++) await client.CreateContactAsync($"After the pause {i}");
        await (await client.PostAsJsonAsync("/api/contacts", new { name = "Cat", email = "cat@n.net", phone = "+1 555 0100" }))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
    }

    [Fact]
    public async Task One_users_writes_leave_another_users_allowance_alone()
    {
        var busy = await factory.LoggedInClientAsync();
        var other = await factory.LoggedInClientAsync();
        for (var i = 0; i < 3; i++) await busy.CreateContactAsync($"Busy {i}");
        await (await busy.PostAsJsonAsync("/api/contacts", new { name = "Cat", email = "cat@n.net", phone = "+1 555 0100" }))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);

        for (var i = 0; i < 3; i++) await other.CreateContactAsync($"Other {i}");
    }
}
