using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Auth;

public sealed class SessionTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Logout_answers_204_with_an_empty_body_and_the_token_stops_working()
    {
        var (token, _) = await factory.NewUserTokenAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var logout = await client.PostAsync("/api/users/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Empty(await logout.Content.ReadAsByteArrayAsync());
        await (await client.GetAsync("/api/users/current")).AssertNotAuthorizedAsync();
        await (await client.PostAsync("/api/users/logout", null)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task Logout_on_one_device_leaves_the_other_devices_logged_in()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        var phone = await ContactsApiFactory.LoginAsync(client, email);
        var laptop = await ContactsApiFactory.LoginAsync(client, email);
        Assert.NotEqual(ForgedTokens.IdsOf(phone).SessionId, ForgedTokens.IdsOf(laptop).SessionId);

        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/users/logout") { Headers = { { "Authorization", "Bearer " + phone } } };
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout)).StatusCode);

        await (await client.GetCurrentWithTokenAsync(phone)).AssertNotAuthorizedAsync();
        var body = await (await client.GetCurrentWithTokenAsync(laptop)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, body["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_logout_on_one_instance_is_seen_by_another_instance_sharing_the_store()
    {
        await using var second = new ContactsApiFactory { Settings = { ["Storage:DataFolder"] = factory.DataFolder } };
        var (token, email) = await factory.NewUserTokenAsync();
        var onSecond = second.CreateClient();
        var before = await (await onSecond.GetCurrentWithTokenAsync(token)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, before["email"]!.GetValue<string>());

        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/users/logout") { Headers = { { "Authorization", "Bearer " + token } } };
        Assert.Equal(HttpStatusCode.NoContent, (await factory.CreateClient().SendAsync(logout)).StatusCode);

        await (await onSecond.GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }
}
