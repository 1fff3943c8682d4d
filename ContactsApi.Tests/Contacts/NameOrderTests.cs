using System.Diagnostics;
using System.Net;
using ContactsApi.Tests.Backup;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Tests.Storage;

namespace ContactsApi.Tests.Contacts;

/// <summary>Issue 13's names, listed through the API by the collation the configuration names.</summary>
public sealed class NameOrderTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task By_default_names_sort_in_the_Ukrainian_alphabet_case_ignored_and_Cyrillic_before_Latin()
    {
        var client = await factory.LoggedInClientAsync();
        await CreateAsync(client);

        Assert.Equal(StoreContractTests.UkrainianOrder, await NamesAsync(client, "?sort=name&order=asc&limit=100"));
        Assert.Equal(StoreContractTests.UkrainianOrder, await NamesAsync(client, ""));
        Assert.Equal(Reversed(StoreContractTests.UkrainianOrder), await NamesAsync(client, "?sort=name&order=desc&limit=100"));
        // Paged by four, pages past the middle read from the far end: the same order.
        var paged = new List<string>();
        for (var page = 1; page <= 4; page++) paged.Add(await NamesAsync(client, $"?sort=name&limit=4&page={page}"));
        Assert.Equal(StoreContractTests.UkrainianOrder, string.Join(", ", paged));
    }

    [Fact]
    public async Task With_the_root_collation_names_sort_Latin_first_and_ґ_as_a_variant_of_г()
    {
        using var root = new ContactsApiFactory { Settings = { ["Contacts:Collation"] = "und" } };
        var client = await root.LoggedInClientAsync();
        await CreateAsync(client);

        Assert.Equal(StoreContractTests.RootOrder, await NamesAsync(client, "?sort=name&order=asc&limit=100"));
        Assert.Equal(Reversed(StoreContractTests.RootOrder), await NamesAsync(client, "?sort=name&order=desc&limit=100"));
    }

    [Fact]
    public async Task Imported_cards_sort_by_the_collation_and_are_found_in_any_case_by_name_and_email()
    {
        var client = await factory.LoggedInClientAsync();
        var cards = StoreContractTests.AlphabetNames.Select(name => name switch
        {
            "Ґанна" => BackupCalls.Card(name, "EMAIL:Ганна@Пошта.Укр"),
            "Émile" => BackupCalls.Card(name, "EMAIL:Émile@Zola.fr"),
            _ => BackupCalls.Card(name),
        });
        await client.ImportAsync(string.Concat(cards));

        Assert.Equal(StoreContractTests.UkrainianOrder, await NamesAsync(client, "?sort=name&order=asc&limit=100"));
        Assert.Equal("анна, Ґанна", await FoundAsync(client, "?name=" + Uri.EscapeDataString("АННА")));
        Assert.Equal("Ґанна", await FoundAsync(client, "?email=" + Uri.EscapeDataString("ганна@ПОШТА")));
        Assert.Equal("Émile", await FoundAsync(client, "?email=" + Uri.EscapeDataString("ÉMILE@")));
        Assert.Equal("", await FoundAsync(client, "?email=emile"));
    }

    [Fact]
    public async Task Emails_sort_by_the_collation_too()
    {
        var client = await factory.LoggedInClientAsync();
        foreach (var email in new[] { "Zoe@x.io", "borys@x.ua", "person10@x.io", "Adam@x.io", "person1@x.io" })
            await client.CreateContactAsync("Someone", email);

        var body = await client.ListAsync("?sort=email");

        // Case ignored, and punctuation (@) before digits, as the collation has it.
        Assert.Equal(["Adam@x.io", "borys@x.ua", "person1@x.io", "person10@x.io", "Zoe@x.io"], body["data"]!.AsArray().Select(c => c!.Str("email")));
        Assert.Equal(5, body["total"]!.GetValue<long>());
    }

    [Fact]
    public void A_collation_ICU_does_not_know_stops_the_start_naming_the_setting()
    {
        using var unknown = new ContactsApiFactory { Settings = { ["Contacts:Collation"] = "xx-nowhere" } };

        var refused = Assert.ThrowsAny<Exception>(() => unknown.CreateClient());

        Assert.Contains("Contacts:Collation 'xx-nowhere' is not a locale ICU knows", refused.ToString());
    }

    [Fact]
    public async Task Without_ICU_the_service_refuses_to_start_and_says_what_to_install()
    {
        var data = Directory.CreateTempSubdirectory("contactsapi-noicu-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ContactsApi.dll"), "--urls", "http://127.0.0.1:0" },
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1", ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Storage__DataFolder"] = data, ["Jwt__SigningKey"] = ContactsApiFactory.SigningKey,
                },
            };

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(start));

            Assert.Contains("ICU is not loaded, so names can't be sorted by a collation: install libicu", refused.Message);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task CreateAsync(HttpClient client)
    {
        foreach (var name in StoreContractTests.AlphabetNames) await client.CreateContactAsync(name);
    }

    private static async Task<string> NamesAsync(HttpClient client, string query)
    {
        var body = await (await client.GetAsync("/api/contacts" + query)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(StoreContractTests.AlphabetNames.Length, body["total"]!.GetValue<long>());
        return string.Join(", ", body["data"]!.AsArray().Select(c => c!.Str("name")));
    }

    /// <summary>The names a search finds, all on one page, checked against its total.</summary>
    private static async Task<string> FoundAsync(HttpClient client, string query)
    {
        var body = await (await client.GetAsync("/api/contacts" + query + "&limit=100")).AssertJsonAsync(HttpStatusCode.OK);
        var names = body["data"]!.AsArray().Select(c => c!.Str("name")).ToList();
        Assert.Equal(names.Count, body["total"]!.GetValue<long>());
        return string.Join(", ", names);
    }

    private static string Reversed(string order) => string.Join(", ", order.Split(", ").Reverse());
}
