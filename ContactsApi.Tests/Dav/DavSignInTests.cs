using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;
using static ContactsApi.Tests.Dav.DavCalls;

namespace ContactsApi.Tests.Dav;

public sealed class DavSignInTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const string Propfind = "PROPFIND";

    [Fact]
    public async Task An_app_password_signs_in_to_the_address_book()
    {
        var user = await factory.NewDavUserAsync();

        var found = Found(await PropfindAsync(user.Dav, user.Book, "0", Props(D + "resourcetype")), user.Book);

        Assert.NotNull(found.Element(D + "resourcetype")!.Element(C + "addressbook"));
    }

    [Fact]
    public async Task The_account_password_never_signs_in_to_CardDAV()
    {
        var user = await factory.NewDavUserAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(user.Email, ContactsApiFactory.Password);

        var response = await client.SendAsync(Request(Propfind, user.Book, Props(D + "getetag"), "0"));

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        Assert.Equal("Basic realm=\"ContactsApi CardDAV\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic !!not-base64!!")]
    [InlineData("Basic bm8tY29sb24=")]
    [InlineData("Bearer abc.def.ghi")]
    public async Task A_request_without_usable_credentials_is_challenged(string? authorization)
    {
        var client = factory.CreateClient();
        var request = Request(Propfind, "/dav/", Props(D + "current-user-principal"), "0");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        Assert.StartsWith("Basic realm=", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_wrong_app_password_or_an_unknown_email_is_refused()
    {
        var user = await factory.NewDavUserAsync();
        foreach (var (email, password) in new[] { (user.Email, "aaaa-bbbb-cccc-dddd"), (ContactsApiFactory.NewEmail(), user.AppPassword) })
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = Basic(email, password);

            await (await client.SendAsync(Request(Propfind, "/dav/", Props(D + "current-user-principal"), "0")))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        }
    }

    [Fact]
    public async Task A_revoked_app_password_is_refused_at_once_even_after_it_signed_in()
    {
        var user = await factory.NewDavUserAsync();
        var id = (await (await user.Rest.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK))[0]!["_id"]!.GetValue<string>();
        Assert.Equal((HttpStatusCode)207, (await user.Dav.SendAsync(Request(Propfind, user.Book, Props(D + "getetag"), "0"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Rest.DeleteAsync($"/api/users/app-passwords/{id}")).StatusCode);

        await (await user.Dav.SendAsync(Request(Propfind, user.Book, Props(D + "getetag"), "0")))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    [Fact]
    public async Task Another_user_s_paths_are_not_found()
    {
        var owner = await factory.NewDavUserAsync();
        var other = await factory.NewDavUserAsync();
        Assert.Equal(HttpStatusCode.Created, (await PutCardAsync(owner.Dav, owner.Card("mine.vcf"), Vcard("mine", "Mine"))).StatusCode);

        foreach (var path in new[] { owner.Book, owner.Card("mine.vcf"), $"/dav/principals/{owner.Id}/", $"/dav/addressbooks/{owner.Id}/" })
            await (await other.Dav.SendAsync(Request(Propfind, path, Props(D + "getetag"), "0"))).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await other.Dav.GetAsync(owner.Card("mine.vcf"))).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await other.Dav.DeleteAsync(owner.Card("mine.vcf"))).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await PutCardAsync(other.Dav, owner.Card("mine.vcf"), Vcard("mine", "Taken")))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");

        Assert.Equal("Mine", Assert.Single(await RestContactsAsync(owner.Rest))["name"]!.GetValue<string>());
        Assert.Empty(await RestContactsAsync(other.Rest));
    }
}

/// <summary>The shipped lockout, which the shared factory lifts for every other test.</summary>
public sealed class DavLimitsFactory : ContactsApiFactory
{
    public DavLimitsFactory() => Settings["Lockout:MaxFailedAttempts"] = "5";
}

public sealed class DavSignInLimitTests(DavLimitsFactory factory) : IClassFixture<DavLimitsFactory>
{
    [Fact]
    public async Task Failed_CardDAV_sign_ins_lock_the_account_for_the_right_app_password_and_the_login_too()
    {
        var user = await factory.NewDavUserAsync();
        var guesser = factory.CreateClient();
        guesser.DefaultRequestHeaders.Authorization = Basic(user.Email, "aaaa-bbbb-cccc-dddd");
        for (var i = 0; i < 5; i++)
            await (await guesser.SendAsync(Request("PROPFIND", user.Book, Props(D + "getetag"), "0"))).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");

        var locked = await user.Dav.SendAsync(Request("PROPFIND", user.Book, Props(D + "getetag"), "0"));

        await locked.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many failed logins; the account is locked for a while, try again later");
        Assert.NotNull(locked.Headers.RetryAfter);
        await (await factory.CreateClient().PostAsJsonAsync("/api/users/login", new { email = user.Email, password = ContactsApiFactory.Password }))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many failed logins; the account is locked for a while, try again later");
    }
}

/// <summary>
/// Ten password checks an address: a class fixture, so each test class that takes it has an instance of its own,
/// whose count of password checks starts at nothing.
/// </summary>
public sealed class PasswordCheckRateFactory : ContactsApiFactory
{
    public PasswordCheckRateFactory() => Settings["RateLimits:Login:PermitLimit"] = "10";
}

public sealed class DavSignInRateTests(PasswordCheckRateFactory factory) : IClassFixture<PasswordCheckRateFactory>
{
    [Fact]
    public async Task Password_checks_from_one_address_are_limited_as_logins_are()
    {
        // Unknown emails: no account to lock, only the address's rate stops the guessing.
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            client.DefaultRequestHeaders.Authorization = Basic(ContactsApiFactory.NewEmail("guess"), "aaaa-bbbb-cccc-dddd");
            statuses.Add((await client.SendAsync(Request("PROPFIND", "/dav/", DavCalls.Props(D + "current-user-principal"), "0"))).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}

public sealed class SharedPasswordCheckTests(PasswordCheckRateFactory factory) : IClassFixture<PasswordCheckRateFactory>
{
    [Fact]
    public async Task Logins_and_CardDAV_sign_ins_from_one_address_share_one_allowance_of_password_checks()
    {
        var dav = factory.CreateClient();
        dav.DefaultRequestHeaders.Authorization = Basic(ContactsApiFactory.NewEmail("guess"), "aaaa-bbbb-cccc-dddd");
        var rest = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await (await dav.SendAsync(Request("PROPFIND", "/dav/", DavCalls.Props(D + "current-user-principal"), "0")))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
            await (await rest.PostAsJsonAsync("/api/users/login", new { email = ContactsApiFactory.NewEmail("guess"), password = "Wr0ng$pass" }))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        }

        var login = await rest.PostAsJsonAsync("/api/users/login", new { email = ContactsApiFactory.NewEmail("guess"), password = "Wr0ng$pass" });
        var signIn = await dav.SendAsync(Request("PROPFIND", "/dav/", DavCalls.Props(D + "current-user-principal"), "0"));

        await login.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many requests; try again later");
        Assert.NotNull(login.Headers.RetryAfter);
        await signIn.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many requests; try again later");
        Assert.NotNull(signIn.Headers.RetryAfter);
    }
}
