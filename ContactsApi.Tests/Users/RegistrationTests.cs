using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Users;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Users;

public sealed class RegistrationTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Register_returns_the_new_user_without_a_password_hash()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();

        var body = await (await client.PostAsJsonAsync("/api/users/register",
            new { email = "  " + email.ToUpperInvariant() + " ", password = ContactsApiFactory.Password }))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.Equal("starter", body["subscription"]!.GetValue<string>());
        Assert.Equal("/avatars/default.png", body["avatarURL"]!.GetValue<string>());
        Assert.Equal(3, body.AsObject().Count);
    }

    [Fact]
    public async Task Register_stores_the_email_trimmed_and_lower_cased_so_login_finds_it_in_any_case()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail("MiXeD");
        (await client.PostAsJsonAsync("/api/users/register",
            new { email = "\t" + email + "  ", password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();

        var stored = await factory.Services.GetRequiredService<IUserRepository>().FindByEmailAsync(email.ToLowerInvariant());
        var login = await (await client.PostAsJsonAsync("/api/users/login",
            new { email = " " + email.ToUpperInvariant(), password = ContactsApiFactory.Password })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.NotNull(stored);
        Assert.Equal(email.ToLowerInvariant(), login["user"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_refuses_an_email_in_use_in_another_letter_case()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync("/api/users/register",
            new { email = " " + email.ToUpperInvariant(), password = "0ther$Pass" });

        await again.AssertErrorAsync(HttpStatusCode.Conflict, "Email in use");
    }

    [Fact]
    public async Task Of_simultaneous_registrations_of_one_email_exactly_one_succeeds()
    {
        var email = ContactsApiFactory.NewEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => factory.CreateClient().PostAsJsonAsync(
            "/api/users/register", new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = ContactsApiFactory.Password })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await conflict.AssertErrorAsync(HttpStatusCode.Conflict, "Email in use");
    }

    [Fact]
    public async Task Register_requires_an_email()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/register", new { password = ContactsApiFactory.Password });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" is required");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("plainaddress")]
    [InlineData("no-at-sign.example.com")]
    [InlineData("two@@example.com")]
    [InlineData("a@b")]
    [InlineData("a b@example.com")]
    [InlineData("ann@exa mple.com")]
    [InlineData("ann@-example.com")]
    [InlineData("ann@example.com\nbcc@example.com")]
    [InlineData("анна@example.com")]
    public async Task Register_refuses_an_invalid_email(string email)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/register",
            new { email, password = ContactsApiFactory.Password });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" must be a valid email");
    }

    [Fact]
    public async Task Register_refuses_an_email_longer_than_254_characters()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";
        Assert.True(email.Length > 254);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/register",
            new { email, password = ContactsApiFactory.Password });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" must be a valid email");
    }

    [Fact]
    public async Task Register_requires_a_password()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/register", new { email = ContactsApiFactory.NewEmail() });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"password\" is required");
    }

    [Fact]
    public async Task Register_checks_the_email_before_the_password()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/register", new { email = "nope", password = "x" });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" must be a valid email");
    }

    [Fact]
    public async Task Register_refuses_an_unknown_field()
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/users/register",
            $$"""{"email":"{{ContactsApiFactory.NewEmail()}}","password":"{{ContactsApiFactory.Password}}","x":1}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"x\" is not allowed");
    }

    [Theory]
    [InlineData("subscription")]
    [InlineData("avatarURL")]
    [InlineData("isAdmin")]
    public async Task Register_takes_no_field_the_server_owns(string field)
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/users/register",
            $$"""{"email":"{{ContactsApiFactory.NewEmail()}}","password":"{{ContactsApiFactory.Password}}","{{field}}":"pro"}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"\"{field}\" is not allowed");
    }

    [Fact]
    public async Task Register_keeps_an_optional_name_trimmed()
    {
        var email = ContactsApiFactory.NewEmail();

        var body = await (await factory.CreateClient().PostAsJsonAsync("/api/users/register",
            new { email, password = ContactsApiFactory.Password, name = "  Ann Lee " })).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.Equal("Ann Lee", (await factory.Services.GetRequiredService<IUserRepository>().FindByEmailAsync(email))!.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(101)]
    public async Task Register_refuses_a_name_that_is_blank_or_too_long(object name)
    {
        var value = name is int length ? new string('n', length) : (string)name;

        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/register",
            new { email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password, name = value });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"name\" must be 1 to 100 characters long");
    }
}
