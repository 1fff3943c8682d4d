using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Admin;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Admin;

/// <summary>The service with one admin, registered once, made admin as the admin command does, and logged in per client.</summary>
public class AdminApiFactory : ContactsApiFactory
{
    private readonly Lazy<Task> _adminRegistered;

    public AdminApiFactory()
    {
        Settings["Swagger:Enabled"] = "true";
        _adminRegistered = new(async () =>
        {
            (await CreateClient().PostAsJsonAsync("/api/users/register", new { email = AdminEmail, password = Password }))
                .EnsureSuccessStatusCode();
            Assert.NotNull(await Users.SetAdminAsync(AdminEmail, true, DateTime.UtcNow));
        });
    }

    /// <summary>A valid password other than <see cref="ContactsApiFactory.Password"/>, for an admin to set.</summary>
    public const string NewPassword = "N3w!Passw0rd";

    public string AdminEmail { get; } = NewEmail("admin");

    /// <summary>A client with a fresh session of the admin.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        await _adminRegistered.Value;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(client, AdminEmail));
        return client;
    }

    /// <summary>A new user, their id and a client logged in as them.</summary>
    public async Task<(string Id, string Email, HttpClient Client)> NewUserAsync()
    {
        var email = NewEmail();
        var client = await LoggedInClientAsync(email);
        var current = await client.GetFromJsonAsync<JsonObject>("/api/users/current");
        var stored = await Users.FindByEmailAsync(email);
        Assert.Equal(email, current!["email"]!.GetValue<string>());
        return (stored!.Id, email, client);
    }

    /// <summary>Adds a contact with two labelled numbers through the contacts API; returns its id.</summary>
    public static async Task<string> AddContactAsync(HttpClient owner, string name)
    {
        var response = await owner.PostAsJsonAsync("/api/contacts", new
        {
            name,
            email = $"{name.ToLowerInvariant()}@example.com",
            phones = new[] { new { number = "+31 6 1234 5678", label = "mobile" }, new { number = "(020) 555-0101", label = "work" } },
        });
        return (await response.AssertJsonAsync(System.Net.HttpStatusCode.Created))["_id"]!.GetValue<string>();
    }

    public ContactsApi.Users.IUserRepository Users =>
        Services.GetRequiredService<ContactsApi.Users.IUserRepository>();
}
