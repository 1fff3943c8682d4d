using System.Net;
using System.Net.Http.Json;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// A list's total: kept per owner for unfiltered lists (so it must follow every create and delete, and
/// a store from before the kept counts must be counted on migration), counted for filtered ones.
/// </summary>
public sealed class ContactTotalsTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task The_total_follows_creates_and_deletes_and_counts_only_the_owners_contacts()
    {
        var client = await factory.LoggedInClientAsync();
        var other = await factory.LoggedInClientAsync();
        var ids = new List<string>();
        foreach (var name in new[] { "Anna Bondar", "Hana Xu", "Leo Quinn" }) ids.Add(await CreateAsync(client, name));
        await CreateAsync(other, "Omar Usman");

        (await client.DeleteAsync($"/api/contacts/{ids[1]}")).EnsureSuccessStatusCode();

        var page = await (await client.GetAsync("/api/contacts")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, page["total"]!.GetValue<long>());
        Assert.Equal(["Anna Bondar", "Leo Quinn"], page["data"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var others = await (await other.GetAsync("/api/contacts")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, others["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_filtered_total_counts_only_the_matches()
    {
        var client = await factory.LoggedInClientAsync();
        foreach (var name in new[] { "Anna Bondar", "Hana Xu", "Leo Quinn", "DANA Weber" }) await CreateAsync(client, name);

        var page = await (await client.GetAsync("/api/contacts?name=AN&limit=2")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, page["total"]!.GetValue<long>());
        Assert.Equal(["Anna Bondar", "DANA Weber"], page["data"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_store_from_before_the_kept_totals_has_its_contacts_counted_on_migration()
    {
        var folder = Directory.CreateTempSubdirectory("contactsapi-v1-").FullName;
        try
        {
            var email = ContactsApiFactory.NewEmail();
            await WriteVersionOneStoreAsync(Path.Combine(folder, SqliteStore.FileName), email, contacts: 3);
            await using var upgraded = new ContactsApiFactory();
            upgraded.Settings["Storage:DataFolder"] = folder;
            var client = upgraded.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await ContactsApiFactory.LoginAsync(client, email));

            var page = await (await client.GetAsync("/api/contacts")).AssertJsonAsync(HttpStatusCode.OK);

            Assert.Equal(3, page["total"]!.GetValue<long>());
            Assert.All(page["data"]!.AsArray(), c => Assert.Equal(email, c!["owner"]!["email"]!.GetValue<string>()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> CreateAsync(HttpClient client, string name)
    {
        var created = await (await client.PostAsJsonAsync("/api/contacts", new { name, email = "someone@example.com", phone = "+38(099)212-5453" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        return created["_id"]!.GetValue<string>();
    }

    /// <summary>A store as the first release wrote it: schema step 1 only, one user with contacts.</summary>
    private static async Task WriteVersionOneStoreAsync(string file, string email, int contacts)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var owner = ContactsApi.Common.ObjectIds.New();
        var hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        var sql = SqliteMigrations.Steps[0] + $"""
            PRAGMA user_version = 1;
            INSERT INTO users VALUES ('{owner}', '{email}', '', '{hasher.HashPassword(null!, ContactsApiFactory.Password)}',
                'starter', '/avatars/default.png', 1, 0, 0, 0);
            """;
        for (var i = 0; i < contacts; i++)
            sql += $$"""
                INSERT INTO contacts VALUES ('{{ContactsApi.Common.ObjectIds.New()}}', '{{owner}}', 'Old {{i}}', 'old{{i}}@example.com', '1234567',
                    '[{"_id":"{{ContactsApi.Common.ObjectIds.New()}}","number":"1234567","label":"mobile"}]',
                    0, 0, 0, 'old {{i}}', 'old{{i}}@example.com', '1234567');
                """;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
