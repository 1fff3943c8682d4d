using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsApi.Tests.Auth;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Security;

/// <summary>A factory whose environment, services or clock a test picks.</summary>
public sealed class CustomFactory(string environment = "Testing", Action<IServiceCollection>? services = null) : ContactsApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        if (services is not null) builder.ConfigureTestServices(services);
    }
}

/// <summary>Nothing internal leaves the service: no exception text, stack, SQL, password or token, in responses or logs.</summary>
public sealed class LeakTests
{
    private const string StoreUnavailable = "The store is unavailable; try again later";
    private static readonly string[] Leaks = ["Exception", "   at ", "SQLite", "sqlite", "SELECT", "INSERT", "contacts.db", "/tmp/", "boom"];

    [Fact]
    public async Task An_unreachable_store_answers_503_with_a_plain_message()
    {
        using var factory = new ContactsApiFactory();
        var client = await factory.LoggedInClientAsync();
        var moved = factory.DataFolder + "-away";
        Directory.Move(factory.DataFolder, moved);
        factory.CloseStoreConnections();   // idle connections still hold the moved file open
        try
        {
            await AssertPlainAsync(await client.GetAsync("/api/contacts"), HttpStatusCode.ServiceUnavailable, StoreUnavailable);
            await AssertPlainAsync(await client.PostAsJsonAsync("/api/users/login", new { email = "a@example.com", password = ContactsApiFactory.Password }),
                HttpStatusCode.ServiceUnavailable, StoreUnavailable);
            var health = await (await factory.CreateClient().GetAsync("/health")).AssertJsonAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unavailable", health["status"]!.GetValue<string>());
        }
        finally
        {
            Directory.Move(moved, factory.DataFolder);
        }
    }

    /// <summary>
    /// Disk full or a read-only volume, simulated on the store's file and folder: with the immutable
    /// attribute (<c>chattr +i</c>) for root, whom file modes do not stop, and with file modes otherwise.
    /// </summary>
    [Fact]
    public async Task A_read_only_store_answers_writes_with_503_and_a_plain_message()
    {
        using var factory = new ContactsApiFactory();
        var client = await factory.LoggedInClientAsync();
        var created = await client.PostAsJsonAsync("/api/contacts", new { name = "Before", email = "b@example.com", phone = "+1 555 0100" });
        await created.AssertJsonAsync(HttpStatusCode.Created);
        // Pools first: a live connection's memory-mapped -shm file would take SIGBUS once immutable.
        factory.CloseStoreConnections();
        var files = Directory.GetFiles(factory.DataFolder, "contacts.db*").Append(factory.DataFolder).ToArray();
        ReadOnly(files, true);
        try
        {
            await AssertPlainAsync(await client.PostAsJsonAsync("/api/contacts", new { name = "After", email = "a@example.com", phone = "+1 555 0101" }),
                HttpStatusCode.ServiceUnavailable, StoreUnavailable);
            await AssertPlainAsync(await factory.CreateClient().PostAsJsonAsync("/api/users/register",
                new { email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password }), HttpStatusCode.ServiceUnavailable, StoreUnavailable);
        }
        finally
        {
            ReadOnly(files, false);
        }
    }

    [Fact]
    public async Task An_unforeseen_failure_answers_500_without_its_text()
    {
        using var factory = new CustomFactory(services: s => s.AddSingleton<TimeProvider>(new BrokenClock()));
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/register",
            new { email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password });
        await AssertPlainAsync(response, HttpStatusCode.InternalServerError, "Something went wrong; it has been logged");
    }

    [Fact]
    public async Task Logs_at_trace_level_never_hold_a_password_or_a_token()
    {
        var logs = new LogCollector();
        using var factory = new ContactsApiFactory();
        factory.Settings["Logging:LogLevel:Default"] = "Trace";
        factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        var client = factory.WithLogs(logs).CreateClient();
        var email = ContactsApiFactory.NewEmail();
        const string wrong = "N0t-the-pass";

        await (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/users/login", new { email, password = wrong })).AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        var token = await ContactsApiFactory.LoginAsync(client, email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/contacts", new { name = "Logged", email = "l@example.com", phone = "+1 555 0100" })).AssertJsonAsync(HttpStatusCode.Created);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token + "tampered");
        await (await client.GetAsync("/api/users/current")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");

        var entries = logs.Entries.Select(e => e.Everything).ToArray();
        Assert.True(entries.Length > 50, $"only {entries.Length} log entries: the capture is not seeing the service");
        Assert.Contains(entries, e => e.Contains("/api/users/login"));
        var secrets = new[] { ContactsApiFactory.Password, wrong, token, token.Split('.')[2], "Bearer " + token[..20] };
        foreach (var secret in secrets)
            Assert.DoesNotContain(entries, e => e.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Swagger_is_off_in_Production_unless_enabled()
    {
        using var production = new CustomFactory("Production");
        var client = production.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/swagger/index.html")).StatusCode);

        using var development = new CustomFactory("Development");
        var document = await (await development.CreateClient().GetAsync("/swagger/v1/swagger.json")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ContactsApi", document["info"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task CORS_allows_a_configured_origin_without_credentials_and_ignores_an_unknown_one()
    {
        using var factory = new ContactsApiFactory();
        factory.Settings["Cors:Origins:0"] = "https://app.example.com";
        var client = factory.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://app.example.com"));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://app.example.com", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));

        var unknown = await client.SendAsync(Preflight("https://evil.example.net"));
        Assert.False(unknown.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(unknown.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task CORS_with_a_wildcard_origin_never_allows_credentials()
    {
        using var factory = new ContactsApiFactory();
        factory.Settings["Cors:Origins:0"] = "*";

        var response = await factory.CreateClient().SendAsync(Preflight("https://anyone.example.org"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/contacts");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return request;
    }

    private static async Task AssertPlainAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        await response.AssertErrorAsync(status, message);
        foreach (var leak in Leaks) Assert.DoesNotContain(leak, body);
    }

    private static void ReadOnly(string[] paths, bool readOnly)
    {
        if (OperatingSystem.IsWindows())
        {
            foreach (var file in paths.Where(File.Exists))
                File.SetAttributes(file, readOnly ? FileAttributes.ReadOnly : FileAttributes.Normal);
            return;
        }
        if (Environment.UserName != "root")
        {
            foreach (var path in paths)
            {
                var writable = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
                var mode = File.GetUnixFileMode(path);
                File.SetUnixFileMode(path, readOnly ? mode & ~writable : mode | UnixFileMode.UserWrite);
            }
            return;
        }
        var change = readOnly ? "+i" : "-i";
        var chattr = Process.Start(new ProcessStartInfo("chattr", [change, .. paths]) { RedirectStandardError = true })!;
        var error = chattr.StandardError.ReadToEnd();
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, $"chattr {change} failed (needs CAP_LINUX_IMMUTABLE): {error}");
    }

    /// <summary>A clock that fails with a message full of what must not leak.</summary>
    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() =>
            throw new InvalidOperationException("boom: SELECT password_hash FROM users in /tmp/contacts.db");
    }
}
