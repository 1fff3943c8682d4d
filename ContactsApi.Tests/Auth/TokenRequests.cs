using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Auth;

public static class TokenRequests
{
    /// <summary>Registers a new user, logs in and returns the token with the email.</summary>
    public static async Task<(string Token, string Email)> NewUserTokenAsync(this ContactsApiFactory factory)
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        return (await ContactsApiFactory.LoginAsync(client, email), email);
    }

    /// <summary>GET /api/users/current with this Authorization header value (none when null).</summary>
    public static Task<HttpResponseMessage> GetCurrentAsync(this HttpClient client, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/current");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetCurrentWithTokenAsync(this HttpClient client, string token) =>
        client.GetCurrentAsync("Bearer " + token);

    /// <summary>The contract's 401: status, message and the Bearer challenge together.</summary>
    public static async Task AssertNotAuthorizedAsync(this HttpResponseMessage response)
    {
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        Assert.Equal(new AuthenticationHeaderValue("Bearer"), Assert.Single(response.Headers.WwwAuthenticate));
    }
}
