using System.Net;
using ContactsApi.Tests.Admin;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ContactsApi.Tests.Security;

/// <summary>The headers every kind of response carries, by their exact values.</summary>
public sealed class SecurityHeadersTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    private const string SwaggerUiPolicy =
        "default-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; frame-ancestors 'none'";

    [Fact]
    public async Task Answers_with_a_token_or_a_persons_data_are_no_store_and_nosniff()
    {
        var (client, email) = await LoggedInAsync();
        var admin = await factory.AdminClientAsync();
        var login = await factory.CreateClient().PostAsync("/api/users/login",
            new StringContent($$"""{"email":"{{email}}","password":"{{ContactsApiFactory.Password}}"}""", System.Text.Encoding.UTF8, "application/json"));

        foreach (var response in new[] { login, await client.GetAsync("/api/users/current"), await client.GetAsync("/api/contacts"), await admin.GetAsync("/users") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertHeaders(response, noStore: true, policy: null);
        }
        Assert.Contains(email, await (await client.GetAsync("/api/users/current")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refusals_of_the_API_are_no_store_too()
    {
        var (client, _) = await LoggedInAsync();

        var unauthorized = await factory.CreateClient().GetAsync("/api/contacts");
        var notFound = await client.GetAsync("/api/contacts/63aac14a3ca32c25b4470065");

        await unauthorized.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        AssertHeaders(unauthorized, noStore: true, policy: null);
        await notFound.AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        AssertHeaders(notFound, noStore: true, policy: null);
    }

    [Fact]
    public async Task The_health_check_an_unknown_path_and_the_static_avatar_are_nosniff_and_cacheable()
    {
        var client = factory.CreateClient();

        var health = await client.GetAsync("/health");
        var unknown = await client.GetAsync("/no/such/path");
        var avatar = await client.GetAsync("/avatars/default.png");

        Assert.Equal("ok", (await health.AssertJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
        AssertHeaders(health, noStore: false, policy: null);
        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        AssertHeaders(unknown, noStore: false, policy: null);
        Assert.Equal(HttpStatusCode.OK, avatar.StatusCode);
        Assert.Equal("image/png", avatar.Content.Headers.ContentType?.MediaType);
        AssertHeaders(avatar, noStore: false, policy: null);
    }

    [Fact]
    public async Task Swagger_UI_has_a_policy_of_what_it_loads_and_no_framing_and_its_document_none()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/swagger/index.html");
        var document = await client.GetAsync("/swagger/v1/swagger.json");
        var script = await client.GetAsync("/swagger/swagger-ui-bundle.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        AssertHeaders(page, noStore: false, policy: SwaggerUiPolicy);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        AssertHeaders(document, noStore: false, policy: null);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        AssertHeaders(script, noStore: false, policy: null);
    }

    [Fact]
    public async Task Over_HTTPS_outside_Development_every_response_asks_for_HTTPS_for_a_year()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://contacts.example") });

        foreach (var path in new[] { "/health", "/api/contacts", "/avatars/default.png", "/no/such/path" })
            Assert.Equal("max-age=31536000", string.Join(", ", (await client.GetAsync(path)).Headers.GetValues("Strict-Transport-Security")));
        // Over plain HTTP the header means nothing (RFC 6797, 7.2), and is not sent.
        Assert.False((await factory.CreateClient().GetAsync("/health")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task In_Development_no_response_asks_for_HTTPS()
    {
        using var development = new DevelopmentFactory();

        var response = await development.CreateClient(new() { BaseAddress = new Uri("https://contacts.example") }).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_web_apps_page_gets_its_policy_and_its_scripts_none()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/");
        var script = await client.GetAsync("/app/main.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        AssertHeaders(page, noStore: false, policy: "default-src 'self'; img-src 'self' blob: data:; frame-ancestors 'none'");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        AssertHeaders(script, noStore: false, policy: null);
    }

    private static void AssertHeaders(HttpResponseMessage response, bool noStore, string? policy)
    {
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        if (noStore) Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        else Assert.False(response.Headers.CacheControl?.NoStore ?? false, $"{path} is no-store");
        if (policy is null) Assert.False(response.Headers.Contains("Content-Security-Policy"), $"{path} has a policy");
        else Assert.Equal(policy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("Server"));
    }

    private async Task<(HttpClient Client, string Email)> LoggedInAsync()
    {
        var email = ContactsApiFactory.NewEmail();
        return (await factory.LoggedInClientAsync(email), email);
    }

    private sealed class DevelopmentFactory : ContactsApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
