using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Auth;

/// <summary>A token's lifetime is read from the service's clock, the one login and the session check read.</summary>
public sealed class TokenClockTests
{
    [Fact]
    public async Task A_token_is_judged_by_the_service_clock_not_the_system_clock()
    {
        await using var app = new ClockedContactsApiFactory();
        var (token, email) = await app.NewUserTokenAsync();
        var (userId, sessionId) = ForgedTokens.IdsOf(token);
        var realNow = DateTime.UtcNow;
        // By the system clock the first is live and the second not yet valid; an hour on, the reverse.
        var endsInTenMinutes = ForgedTokens.Forge(userId, sessionId, d => d.Expires = realNow.AddMinutes(10));
        var validInFiveMinutes = ForgedTokens.Forge(userId, sessionId, d => (d.IssuedAt, d.NotBefore) = (realNow, realNow.AddMinutes(5)));
        var client = app.CreateClient();

        app.Clock.Advance(TimeSpan.FromHours(1));

        await (await client.GetCurrentWithTokenAsync(endsInTenMinutes)).AssertNotAuthorizedAsync();
        var body = await (await client.GetCurrentWithTokenAsync(validInFiveMinutes)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, body["email"]!.GetValue<string>());
    }
}
