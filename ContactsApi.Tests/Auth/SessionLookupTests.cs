using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsApi.Auth;
using ContactsApi.Tests.Admin;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace ContactsApi.Tests.Auth;

/// <summary>The service whose session repository counts its calls (the real SQLite one does the work).</summary>
public sealed class SessionCountingFactory : ContactsApiFactory
{
    public CallCounter SessionCalls { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.DecorateWithCounter<ISessionRepository>(SessionCalls));
    }
}

public sealed class SessionLookupTests(SessionCountingFactory factory) : IClassFixture<SessionCountingFactory>
{
    [Fact]
    public async Task Anonymous_endpoints_never_look_up_the_session_of_a_token_they_are_sent()
    {
        var (token, email) = await factory.NewUserTokenAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var before = factory.SessionCalls.Snapshot();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await (await client.PostAsJsonAsync("/api/users/register", new { email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password }))
            .AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(nameof(ISessionRepository.FindLiveUserAsync), factory.SessionCalls.Since(before).Keys);
        await (await client.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, factory.SessionCalls.Since(before)[nameof(ISessionRepository.FindLiveUserAsync)]);
    }
}
