using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Admin;

public sealed class AdminSecrecyTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    /// <summary>The raw JSON names no password, hash or session, and holds none of the stored hashes.</summary>
    private static void AssertNoSecrets(string json, IEnumerable<string> hashes)
    {
        foreach (var word in new[] { "password", "hash", "session", "token", "\"sid\"" })
            Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
        foreach (var hash in hashes) Assert.DoesNotContain(hash, json);
    }

    [Fact]
    public async Task No_admin_response_carries_a_password_hash_or_session_data()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, user) = await factory.NewUserAsync();
        await AdminApiFactory.AddContactAsync(user, "Ann");
        var responses = new List<(HttpResponseMessage Response, HttpStatusCode Status)>
        {
            (await admin.GetAsync("/users?limit=100&include=contacts"), HttpStatusCode.OK),
            (await admin.GetAsync($"/users/{id}?include=contacts"), HttpStatusCode.OK),
            (await admin.PostAsJsonAsync("/users", new { name = "New", email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password }),
                HttpStatusCode.Created),
            (await admin.PutAsJsonAsync($"/users/{id}", new { password = "N3w!Passw0rd" }), HttpStatusCode.OK),
        };
        var (all, _) = await factory.Users.ListAsync(0, 100);
        var hashes = all.Select(u => u.PasswordHash).ToArray();
        responses.Add((await admin.DeleteAsync($"/users/{id}"), HttpStatusCode.OK));

        Assert.NotEmpty(hashes);
        foreach (var (response, status) in responses)
        {
            Assert.Equal(status, response.StatusCode);
            AssertNoSecrets(await response.Content.ReadAsStringAsync(), hashes);
        }
    }
}
