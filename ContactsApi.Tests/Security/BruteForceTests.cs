using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Security;

/// <summary>The shipped limits, a clock the tests move, and known proxies: 10.0.0.1 and the network 10.7.0.0/16.</summary>
public sealed class BruteForceFactory : ClockedContactsApiFactory
{
    public const string KnownProxy = "10.0.0.1";
    public const string KnownNetwork = "10.7.0.0/16";
    private int _peers;

    public BruteForceFactory()
    {
        Settings["RateLimits:Login:PermitLimit"] = "10";
        Settings["RateLimits:Login:Window"] = "00:01:00";
        Settings["RateLimits:Register:PermitLimit"] = "20";
        Settings["RateLimits:Register:Window"] = "01:00:00";
        Settings["Lockout:MaxFailedAttempts"] = "5";
        Settings["Lockout:Duration"] = "00:05:00";
        Settings["ForwardedHeaders:KnownProxies:0"] = KnownProxy;
        Settings["ForwardedHeaders:KnownNetworks:0"] = KnownNetwork;
    }

    /// <summary>An address no other request of this factory has come from.</summary>
    public string NewPeer()
    {
        var n = Interlocked.Increment(ref _peers);
        return $"198.51.{n / 250}.{n % 250 + 1}";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddress>());
    }
}

public sealed class BruteForceTests(BruteForceFactory factory) : IClassFixture<BruteForceFactory>
{
    private const string WrongPassword = "Wr0ng$pass";
    private const string LimitMessage = "Too many requests; try again later";
    private const string LockedMessage = "Too many failed logins; the account is locked for a while, try again later";

    [Fact]
    public async Task Logins_from_one_address_are_limited_to_ten_a_minute_then_allowed_again()
    {
        var peer = factory.NewPeer();
        for (var i = 0; i < 10; i++)
            await (await Login(peer, ContactsApiFactory.NewEmail(), WrongPassword)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");

        var refused = await Login(peer, ContactsApiFactory.NewEmail(), WrongPassword);
        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
        var wait = RetryAfter(refused);
        Assert.InRange(wait, 1, 60);

        // Another address is not held back by this one's attempts.
        await (await Login(factory.NewPeer(), ContactsApiFactory.NewEmail(), WrongPassword)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");

        factory.Clock.Advance(TimeSpan.FromSeconds(wait - 1));
        await (await Login(peer, ContactsApiFactory.NewEmail(), WrongPassword)).AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await Login(peer, ContactsApiFactory.NewEmail(), WrongPassword)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
    }

    [Fact]
    public async Task Within_any_span_of_one_window_no_more_than_ten_logins_get_through_even_across_the_clocks_minute()
    {
        var peer = factory.NewPeer();
        var window = TimeSpan.FromMinutes(1);
        // Two seconds before the clock's next whole minute, where a fixed window would start afresh.
        // The class's clock may stand anywhere, the tests before this one having moved it: within those two
        // seconds already, the minute after next is the one to wait for (a fake clock only goes forward).
        var now = factory.Clock.GetUtcNow();
        var ahead = TimeSpan.FromTicks(window.Ticks - now.Ticks % window.Ticks) - TimeSpan.FromSeconds(2);
        factory.Clock.Advance(ahead < TimeSpan.Zero ? ahead + window : ahead);
        var start = factory.Clock.GetUtcNow();
        var through = new List<TimeSpan>();
        async Task AttemptAsync()
        {
            var response = await Login(peer, ContactsApiFactory.NewEmail(), WrongPassword);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
            else
            {
                await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
                through.Add(factory.Clock.GetUtcNow() - start);
            }
        }

        // The red team's burst at the end of a minute, then one attempt a second for over two minutes.
        for (var i = 0; i < 10; i++) await AttemptAsync();
        for (var second = 1; second <= 130; second++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await AttemptAsync();
        }

        foreach (var from in through)
        {
            var inSpan = through.Count(t => t >= from && t < from + window);
            Assert.True(inSpan <= 10, $"{inSpan} logins got through in the minute from {from.TotalSeconds} s: {string.Join(", ", through.Select(t => t.TotalSeconds))}");
        }
        // Not shut for good: each permit comes back a minute after it was used (at 0 s, 60–69 s, 120–129 s).
        Assert.Equal(30, through.Count);
    }

    [Fact]
    public async Task Registrations_from_one_address_are_limited_to_twenty_an_hour_then_allowed_again()
    {
        var peer = factory.NewPeer();
        for (var i = 0; i < 20; i++) await (await Register(peer, ContactsApiFactory.NewEmail())).AssertJsonAsync(HttpStatusCode.Created);

        var refused = await Register(peer, ContactsApiFactory.NewEmail());
        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
        var wait = RetryAfter(refused);
        Assert.InRange(wait, 1, 3600);

        factory.Clock.Advance(TimeSpan.FromSeconds(wait));
        await (await Register(peer, ContactsApiFactory.NewEmail())).AssertJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_for_five_minutes_even_for_the_right_password()
    {
        var email = ContactsApiFactory.NewEmail();
        await (await Register(factory.NewPeer(), email)).AssertJsonAsync(HttpStatusCode.Created);

        for (var i = 0; i < 5; i++) await (await Login(factory.NewPeer(), email, WrongPassword)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");

        var locked = await Login(factory.NewPeer(), email, ContactsApiFactory.Password);
        await locked.AssertErrorAsync(HttpStatusCode.TooManyRequests, LockedMessage);
        Assert.InRange(RetryAfter(locked), 299, 300);
        // A wrong password during the lock is refused the same way and does not lengthen it.
        await (await Login(factory.NewPeer(), email, WrongPassword)).AssertErrorAsync(HttpStatusCode.TooManyRequests, LockedMessage);

        factory.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await (await Login(factory.NewPeer(), email, ContactsApiFactory.Password)).AssertErrorAsync(HttpStatusCode.TooManyRequests, LockedMessage);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await Login(factory.NewPeer(), email, ContactsApiFactory.Password)).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_good_login_resets_the_count_of_failed_ones()
    {
        var email = ContactsApiFactory.NewEmail();
        await (await Register(factory.NewPeer(), email)).AssertJsonAsync(HttpStatusCode.Created);

        for (var i = 0; i < 4; i++) await (await Login(factory.NewPeer(), email, WrongPassword)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await Login(factory.NewPeer(), email, ContactsApiFactory.Password)).AssertJsonAsync(HttpStatusCode.OK);
        for (var i = 0; i < 4; i++) await (await Login(factory.NewPeer(), email, WrongPassword)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await Login(factory.NewPeer(), email, ContactsApiFactory.Password)).AssertJsonAsync(HttpStatusCode.OK);

        // Counting starts again from there: five more in a row do lock it.
        for (var i = 0; i < 5; i++) await (await Login(factory.NewPeer(), email, WrongPassword)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await Login(factory.NewPeer(), email, ContactsApiFactory.Password)).AssertErrorAsync(HttpStatusCode.TooManyRequests, LockedMessage);
    }

    [Fact]
    public async Task Concurrent_failed_logins_each_count_toward_the_lockout()
    {
        var email = ContactsApiFactory.NewEmail();
        await (await Register(factory.NewPeer(), email)).AssertJsonAsync(HttpStatusCode.Created);

        var failures = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Login(factory.NewPeer(), email, WrongPassword)));
        foreach (var failure in failures) await failure.AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");

        await (await Login(factory.NewPeer(), email, ContactsApiFactory.Password)).AssertErrorAsync(HttpStatusCode.TooManyRequests, LockedMessage);
    }

    [Fact]
    public async Task X_Forwarded_For_names_the_client_only_behind_a_known_proxy()
    {
        var client = ContactsApiFactory.NewEmail();
        for (var i = 0; i < 10; i++)
            await (await Login(BruteForceFactory.KnownProxy, ContactsApiFactory.NewEmail(), WrongPassword, forwardedFor: "203.0.113.7"))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await Login(BruteForceFactory.KnownProxy, client, WrongPassword, forwardedFor: "203.0.113.7"))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
        // The known proxy's other clients each have their own allowance.
        await (await Login(BruteForceFactory.KnownProxy, client, WrongPassword, forwardedFor: "203.0.113.8"))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");

        // A proxy known by its network is trusted the same way.
        for (var i = 0; i < 10; i++)
            await (await Login("10.7.3.4", ContactsApiFactory.NewEmail(), WrongPassword, forwardedFor: "203.0.113.9"))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await Login("10.7.3.4", client, WrongPassword, forwardedFor: "203.0.113.9"))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
        await (await Login("10.7.3.4", client, WrongPassword, forwardedFor: "203.0.113.10"))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");

        // An unknown sender can't pick a fresh address by writing the header: it is counted as itself.
        var unknownProxy = factory.NewPeer();
        for (var i = 0; i < 10; i++)
            await (await Login(unknownProxy, ContactsApiFactory.NewEmail(), WrongPassword, forwardedFor: $"203.0.114.{i + 1}"))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await Login(unknownProxy, client, WrongPassword, forwardedFor: "203.0.114.99"))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, LimitMessage);
    }

    internal static Task<HttpResponseMessage> Login(ContactsApiFactory factory, string peer, string email, string password, string? forwardedFor) =>
        Send(factory, peer, "/api/users/login", new { email, password }, forwardedFor);

    private Task<HttpResponseMessage> Login(string peer, string email, string password, string? forwardedFor = null) =>
        Send(factory, peer, "/api/users/login", new { email, password }, forwardedFor);

    private Task<HttpResponseMessage> Register(string peer, string email) =>
        Send(factory, peer, "/api/users/register", new { email, password = ContactsApiFactory.Password }, null);

    private static Task<HttpResponseMessage> Send(ContactsApiFactory factory, string peer, string url, object body, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(PeerAddress.Header, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return factory.CreateClient().SendAsync(request);
    }

    private static int RetryAfter(HttpResponseMessage response) =>
        (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
}

/// <summary>The shipped limits and no proxy configured: the framework's default trust of loopback must be gone.</summary>
public sealed class NoProxyFactory : ContactsApiFactory
{
    public NoProxyFactory()
    {
        Settings["RateLimits:Login:PermitLimit"] = "10";
        Settings["RateLimits:Login:Window"] = "00:01:00";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddress>());
    }
}

public sealed class ForwardedHeadersWithoutProxiesTests(NoProxyFactory factory) : IClassFixture<NoProxyFactory>
{
    [Fact]
    public async Task Without_a_known_proxy_X_Forwarded_For_is_ignored_even_from_loopback()
    {
        for (var i = 0; i < 10; i++)
            await (await BruteForceTests.Login(factory, "127.0.0.1", ContactsApiFactory.NewEmail(), "Wr0ng$pass", $"203.0.113.{i + 1}"))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await BruteForceTests.Login(factory, "127.0.0.1", ContactsApiFactory.NewEmail(), "Wr0ng$pass", "203.0.113.200"))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many requests; try again later");
    }
}
