using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Users;

public sealed class CurrentUserTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const string SubscriptionMessage = "\"subscription\" must be one of [starter, pro, business]";

    [Fact]
    public async Task Current_returns_the_email_subscription_and_avatar()
    {
        var email = ContactsApiFactory.NewEmail();
        var client = await factory.LoggedInClientAsync(email);

        var body = await (await client.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, body.AsObject().Count);
        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.Equal("starter", body["subscription"]!.GetValue<string>());
        Assert.Equal("/avatars/default.png", body["avatarURL"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("pro")]
    [InlineData("business")]
    [InlineData("starter")]
    public async Task Patch_changes_the_subscription(string subscription)
    {
        var email = ContactsApiFactory.NewEmail();
        var client = await factory.LoggedInClientAsync(email);

        var body = await (await client.PatchJsonAsync("/api/users", $$"""{"subscription":"{{subscription}}"}"""))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, body.AsObject().Count);
        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.Equal(subscription, body["subscription"]!.GetValue<string>());
        var current = await (await client.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(subscription, current["subscription"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_changed_subscription_survives_the_next_login()
    {
        var email = ContactsApiFactory.NewEmail();
        var client = await factory.LoggedInClientAsync(email);
        (await client.PatchJsonAsync("/api/users", """{"subscription":"business"}""")).EnsureSuccessStatusCode();

        var login = await (await factory.CreateClient().PostJsonAsync("/api/users/login",
            $$"""{"email":"{{email}}","password":"{{ContactsApiFactory.Password}}"}""")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("business", login["user"]!["subscription"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"gold\"")]
    [InlineData("\"PRO\"")]
    [InlineData("\" pro\"")]
    [InlineData("\"\"")]
    public async Task Patch_refuses_an_unknown_subscription(string value)
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PatchJsonAsync("/api/users", $$"""{"subscription":{{value}}}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, SubscriptionMessage);
    }

    [Fact]
    public async Task Patch_requires_the_subscription()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PatchJsonAsync("/api/users", "{}");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"subscription\" is required");
    }

    [Fact]
    public async Task Patch_refuses_a_subscription_that_is_not_a_string()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PatchJsonAsync("/api/users", """{"subscription":1}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"subscription\" must be a string");
    }

    [Fact]
    public async Task Patch_changes_nothing_but_the_subscription()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PatchJsonAsync("/api/users", """{"subscription":"pro","email":"other@example.com"}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" is not allowed");
    }
}
