using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// The whole service in-process on a temporary SQLite file and a temporary avatar upload folder, with a
/// known signing key so tests can forge the tokens an attacker would.
/// </summary>
public class ContactsApiFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-of-at-least-32-bytes-long!!";
    public const string Password = "exA7$mpless";

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("contactsapi-data-").FullName;
    public string UploadFolder { get; } = Directory.CreateTempSubdirectory("contactsapi-avatars-").FullName;

    /// <summary>Settings a test class adds or overrides before the first client is made.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Fewer PBKDF2 iterations keep the suite fast; a test checks the shipped default separately.
        ["Passwords:Iterations"] = "1000",
        // Every test client comes from one address: limits this high never trip a test by accident.
        // The brute-force tests set the shipped defaults back in their own factory.
        ["RateLimits:Login:PermitLimit"] = "1000000",
        ["RateLimits:Register:PermitLimit"] = "1000000",
        ["Lockout:MaxFailedAttempts"] = "1000000",
        ["Avatars:UploadRate:PermitLimit"] = "1000000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Avatars:UploadFolder", UploadFolder);
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    /// <summary>Registers a new user and returns a client carrying their token.</summary>
    public async Task<HttpClient> LoggedInClientAsync(string? email = null)
    {
        var client = CreateClient();
        email ??= NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = Password })).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(client, email));
        return client;
    }

    /// <summary>Closes the store's idle connections, so the next requests open the file again, as after a restart.</summary>
    public void CloseStoreConnections() => Services.GetRequiredService<SqliteStore>().CloseIdleConnections();

    public static async Task<string> LoginAsync(HttpClient client, string email, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/users/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var folder in new[] { DataFolder, UploadFolder })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
