using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Auth;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ContactsApi.Tests.Users;

public sealed class LoginTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Login_returns_a_token_and_the_user()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();

        var body = await (await client.PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(new[] { "token", "user" }, body.AsObject().Select(p => p.Key).Order().ToArray());
        Assert.Equal(new[] { "email", "subscription" }, body["user"]!.AsObject().Select(p => p.Key).Order().ToArray());
        Assert.Equal(email, body["user"]!["email"]!.GetValue<string>());
        Assert.Equal("starter", body["user"]!["subscription"]!.GetValue<string>());
        var current = await (await client.GetCurrentWithTokenAsync(body["token"]!.GetValue<string>())).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, current["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_token_is_hs256_for_24_hours_with_the_user_and_a_session()
    {
        var (token, _) = await factory.NewUserTokenAsync();

        var jwt = new JsonWebToken(token);

        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("ContactsApi", jwt.Issuer);
        Assert.Equal(["ContactsApi"], jwt.Audiences);
        Assert.Equal(TimeSpan.FromHours(24), jwt.ValidTo - jwt.IssuedAt);
        Assert.Matches("^[0-9a-f]{24}$", jwt.Subject);
        Assert.Matches("^[0-9a-f]{24}$", jwt.GetClaim("sid").Value);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();

        var wrongPassword = await client.PostAsJsonAsync("/api/users/login", new { email, password = "Wr0ng$pass" });
        var unknownEmail = await client.PostAsJsonAsync("/api/users/login",
            new { email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password });

        await wrongPassword.AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await unknownEmail.AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
    }

    [Fact]
    public async Task The_password_is_compared_case_sensitively()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = "Case$ens1tive" })).EnsureSuccessStatusCode();

        var response = await client.PostAsJsonAsync("/api/users/login", new { email, password = "cASE$ENS1TIVE" });

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
    }

    [Fact]
    public async Task A_deactivated_user_gets_the_same_answer_as_a_wrong_password()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        var users = factory.Services.GetRequiredService<IUserRepository>();
        await users.UpdateAsync((await users.FindByEmailAsync(email))!.Id, u => u with { IsActive = false });

        var response = await client.PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password });

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
    }

    [Fact]
    public async Task Login_requires_an_email()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/login", new { password = ContactsApiFactory.Password });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" is required");
    }

    [Fact]
    public async Task Login_refuses_an_invalid_email_before_looking_it_up()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/login",
            new { email = "not-an-email", password = ContactsApiFactory.Password });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" must be a valid email");
    }

    [Fact]
    public async Task Login_requires_a_password()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/login", new { email = ContactsApiFactory.NewEmail() });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"password\" is required");
    }

    [Fact]
    public async Task Login_refuses_an_unknown_field()
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/users/login",
            $$"""{"email":"{{ContactsApiFactory.NewEmail()}}","password":"{{ContactsApiFactory.Password}}","name":"Ann"}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"name\" is not allowed");
    }
}
