using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Users;
using Microsoft.AspNetCore.Hosting;

namespace ContactsApi.Tests.Admin;

public sealed class UserCreateTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_log_in()
    {
        var admin = await factory.AdminClientAsync();
        var email = ContactsApiFactory.NewEmail();

        var response = await admin.PostAsJsonAsync("/users",
            new { name = "  Anna de Vries ", email = " " + email.ToUpperInvariant(), password = ContactsApiFactory.Password });

        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.True(body["success"]!.GetValue<bool>());
        var data = body["data"]!.AsObject();
        var id = data["_id"]!.GetValue<string>();
        Assert.Equal($"/users/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(["_id", "name", "email", "subscription", "is_active", "is_admin", "avatarURL", "createdAt"], data.Select(p => p.Key));
        Assert.Equal("Anna de Vries", data["name"]!.GetValue<string>());
        Assert.Equal(email, data["email"]!.GetValue<string>());
        Assert.Equal("starter", data["subscription"]!.GetValue<string>());
        Assert.True(data["is_active"]!.GetValue<bool>());
        Assert.False(data["is_admin"]!.GetValue<bool>());
        Assert.Equal("/avatars/default.png", data["avatarURL"]!.GetValue<string>());
        var login = await factory.CreateClient().PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password });
        await login.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_created_user_is_never_an_admin_whatever_the_old_Admin_Emails_key_lists()
    {
        var second = ContactsApiFactory.NewEmail("second-admin");
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Admin:Emails:0", second));
        var admin = configured.CreateClient();
        admin.DefaultRequestHeaders.Authorization = (await factory.AdminClientAsync()).DefaultRequestHeaders.Authorization;

        var body = await (await admin.PostAsJsonAsync("/users",
            new { name = "Second", email = second.ToUpperInvariant(), password = ContactsApiFactory.Password })).AssertJsonAsync(HttpStatusCode.Created);

        Assert.False(body["data"]!["is_admin"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"email":"a@example.com","password":"exA7$mpless"}""", "\"name\" is required")]
    [InlineData("""{"name":"  ","email":"a@example.com","password":"exA7$mpless"}""", "\"name\" must be 1 to 100 characters long")]
    [InlineData("""{"name":"A","password":"exA7$mpless"}""", "\"email\" is required")]
    [InlineData("""{"name":"A","email":"a@b","password":"exA7$mpless"}""", "\"email\" must be a valid email")]
    [InlineData("""{"name":"A","email":"a@example.com"}""", "\"password\" is required")]
    [InlineData("""{"name":"A","email":"a@example.com","password":"Sh0rt$x"}""", PasswordPolicy.Message)]
    [InlineData("""{"name":"A","email":"a@example.com","password":"exA7$mplesstoolong"}""", PasswordPolicy.Message)]
    [InlineData("""{"name":"A","email":"a@example.com","password":"alllowercase1$"}""", PasswordPolicy.Message)]
    [InlineData("""{"name":"A","email":"a@example.com","password":"exA7$mpless","is_admin":true}""", "\"is_admin\" is not allowed")]
    [InlineData("""{"name":7,"email":"a@example.com","password":"exA7$mpless"}""", "\"name\" must be a string")]
    [InlineData("""[]""", "Request body must be a JSON object")]
    [InlineData("""{"name":""", "Request body is not valid JSON")]
    public async Task Invalid_new_users_are_refused_with_the_registration_messages(string json, string message)
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.PostJsonAsync("/users", json)).AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task A_name_over_100_characters_is_refused()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/users",
            new { name = new string('a', 101), email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"name\" must be 1 to 100 characters long");
    }

    [Fact]
    public async Task An_email_in_use_in_any_letter_case_is_a_conflict()
    {
        var admin = await factory.AdminClientAsync();
        var (_, email, _) = await factory.NewUserAsync();

        var response = await admin.PostAsJsonAsync("/users",
            new { name = "Copy", email = email.ToUpperInvariant(), password = ContactsApiFactory.Password });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "Email in use");
    }
}
