using System.Net;
using System.Text.RegularExpressions;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.AppPasswords;

public sealed partial class AppPasswordTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Creating_an_app_password_shows_the_password_once_and_the_list_never_does()
    {
        var client = await factory.LoggedInClientAsync();

        var made = await (await client.PostJsonAsync("/api/users/app-passwords", """{"name":" Ann's iPhone "}"""))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(["_id", "name", "password", "createdAt"], made.AsObject().Select(p => p.Key));
        Assert.Matches(ObjectId(), made["_id"]!.GetValue<string>());
        Assert.Equal("Ann's iPhone", made["name"]!.GetValue<string>());
        Assert.Matches(Generated(), made["password"]!.GetValue<string>());
        var listed = await (await client.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK);
        var only = Assert.Single(listed.AsArray())!;
        Assert.Equal(["_id", "name", "createdAt"], only.AsObject().Select(p => p.Key));
        Assert.Equal(made["_id"]!.GetValue<string>(), only["_id"]!.GetValue<string>());
        Assert.Equal(made["createdAt"]!.GetValue<string>(), only["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_app_password_is_a_new_random_one()
    {
        var client = await factory.LoggedInClientAsync();

        var first = await (await client.PostJsonAsync("/api/users/app-passwords", """{"name":"Phone"}""")).AssertJsonAsync(HttpStatusCode.Created);
        var second = await (await client.PostJsonAsync("/api/users/app-passwords", """{"name":"Phone"}""")).AssertJsonAsync(HttpStatusCode.Created);

        Assert.NotEqual(first["password"]!.GetValue<string>(), second["password"]!.GetValue<string>());
        Assert.Equal(2, (await (await client.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK)).AsArray().Count);
    }

    [Theory]
    [InlineData("{}", "\"name\" is required")]
    [InlineData("""{"name":"  "}""", "\"name\" must be 1 to 100 characters long")]
    public async Task An_app_password_needs_a_name(string body, string message)
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.PostJsonAsync("/api/users/app-passwords", body)).AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Deleting_an_app_password_revokes_it_and_a_second_delete_is_not_found()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await (await client.PostJsonAsync("/api/users/app-passwords", """{"name":"Phone"}""")).AssertJsonAsync(HttpStatusCode.Created))["_id"]!
            .GetValue<string>();

        var deleted = await client.DeleteAsync($"/api/users/app-passwords/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        Assert.Empty((await (await client.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK)).AsArray());
        await (await client.DeleteAsync($"/api/users/app-passwords/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task Another_user_s_app_password_is_not_found_and_stays()
    {
        var owner = await factory.LoggedInClientAsync();
        var other = await factory.LoggedInClientAsync();
        var id = (await (await owner.PostJsonAsync("/api/users/app-passwords", """{"name":"Phone"}""")).AssertJsonAsync(HttpStatusCode.Created))["_id"]!
            .GetValue<string>();

        await (await other.DeleteAsync($"/api/users/app-passwords/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");

        Assert.Empty((await (await other.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Single((await (await owner.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task App_passwords_need_a_token()
    {
        var client = factory.CreateClient();

        await (await client.GetAsync("/api/users/app-passwords")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await client.PostJsonAsync("/api/users/app-passwords", """{"name":"Phone"}""")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    [Fact]
    public async Task A_user_has_at_most_fifty_app_passwords()
    {
        var client = await factory.LoggedInClientAsync();
        for (var i = 0; i < 50; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/users/app-passwords", $$"""{"name":"Phone {{i}}"}""")).StatusCode);

        await (await client.PostJsonAsync("/api/users/app-passwords", """{"name":"One more"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "A user can have at most 50 app passwords");
    }

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex ObjectId();

    [GeneratedRegex("^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$")]
    private static partial Regex Generated();
}
