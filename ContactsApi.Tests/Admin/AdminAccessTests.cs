using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ContactsApi.Tests.Admin;

public sealed class AdminAccessTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    private const string SomeId = "63a4f6ada59c271a98adff3e";

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "GET", "/users" },
        { "GET", "/users?limit=5&include=contacts" },
        { "GET", $"/users/{SomeId}" },
        { "POST", "/users" },
        { "PUT", $"/users/{SomeId}" },
        { "DELETE", $"/users/{SomeId}" },
    };

    private static HttpRequestMessage Request(string method, string url) => new(new HttpMethod(method), url)
    {
        Content = method is "POST" or "PUT"
            ? JsonContent.Create(new { name = "Mallory", email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password })
            : null,
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task A_normal_users_token_is_forbidden_on_every_admin_endpoint(string method, string url)
    {
        var (_, _, user) = await factory.NewUserAsync();

        await (await user.SendAsync(Request(method, url))).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task No_token_is_not_authorized_on_every_admin_endpoint(string method, string url)
    {
        var response = await factory.CreateClient().SendAsync(Request(method, url));

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task A_forged_token_is_not_authorized_on_every_admin_endpoint(string method, string url)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");

        await (await client.SendAsync(Request(method, url))).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    [Fact]
    public async Task An_account_granted_by_the_admin_command_is_an_admin()
    {
        var admin = await factory.AdminClientAsync();

        var body = await (await admin.GetAsync("/users?limit=100")).AssertJsonAsync(HttpStatusCode.OK);

        var me = body["data"]!.AsArray().Single(u => u!["email"]!.GetValue<string>() == factory.AdminEmail)!;
        Assert.True(me["is_admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Registering_an_email_listed_under_the_old_Admin_Emails_key_never_makes_an_admin()
    {
        var email = ContactsApiFactory.NewEmail("boss");
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Admin:Emails:0", email));
        var client = configured.CreateClient();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ContactsApiFactory.LoginAsync(client, email));

        await (await client.GetAsync("/users")).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        Assert.False((await factory.Users.FindByEmailAsync(email))!.IsAdmin);
    }

    [Fact]
    public async Task A_demoted_admin_gets_no_right_back_by_logging_in_again_whatever_the_old_Admin_Emails_key_lists()
    {
        // The red team's way back in: its email listed, demoted by an admin, then a fresh login.
        var admin = await factory.AdminClientAsync();
        var (id, email, _) = await factory.NewUserAsync();
        await (await admin.PutAsJsonAsync($"/users/{id}", new { is_admin = true })).AssertJsonAsync(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"/users/{id}", new { is_admin = false })).AssertJsonAsync(HttpStatusCode.OK);
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Admin:Emails:0", email));
        var client = configured.CreateClient();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ContactsApiFactory.LoginAsync(client, email));

        await (await client.GetAsync("/users")).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        Assert.False((await factory.Users.FindByIdAsync(id))!.IsAdmin);
    }

    [Fact]
    public async Task There_is_no_default_admin_account()
    {
        using var plain = new ContactsApiFactory();
        var client = await plain.LoggedInClientAsync();
        var users = plain.Services.GetRequiredService<ContactsApi.Users.IUserRepository>();

        var (all, total) = await users.ListAsync(0, 100);

        Assert.Equal(1, total);
        Assert.False(all.Single().IsAdmin);
        await (await client.GetAsync("/users")).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        // Nor does a guessable account exist to log in as.
        foreach (var email in new[] { "admin@example.com", "admin@localhost.com", "root@example.com" })
            await (await client.PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
    }

    [Fact]
    public async Task An_admin_made_by_another_admin_can_use_the_admin_endpoints_at_once()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, user) = await factory.NewUserAsync();

        await (await admin.PutAsJsonAsync($"/users/{id}", new { is_admin = true })).AssertJsonAsync(HttpStatusCode.OK);
        var body = await (await user.GetAsync($"/users/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(body["data"]!["is_admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_admin_whose_right_is_taken_away_is_forbidden_at_once()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, user) = await factory.NewUserAsync();
        await (await admin.PutAsJsonAsync($"/users/{id}", new { is_admin = true })).AssertJsonAsync(HttpStatusCode.OK);

        await (await admin.PutAsJsonAsync($"/users/{id}", new { is_admin = false })).AssertJsonAsync(HttpStatusCode.OK);

        await (await user.GetAsync("/users")).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
    }
}
