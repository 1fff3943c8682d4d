using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

/// <summary>Name and email searches in every script: case-insensitive substrings, accents kept apart.</summary>
public sealed class ContactSearchTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private static readonly string[] Names =
        ["анна", "Ганна", "Яна", "Οδυσσέας Ελύτης", "Émile Zola", "Emile Berliner", "E\u0301douard Manet", "Ørjan", "Łukasz"];

    [Theory]
    [InlineData("АННА", "анна, Ганна")]
    [InlineData("анн", "анна, Ганна")]
    [InlineData("ГАНН", "Ганна")]
    [InlineData("на", "анна, Ганна, Яна")]
    [InlineData("ΟΔΥΣΣΈΑΣ", "Οδυσσέας Ελύτης")]
    [InlineData("ελύτ", "Οδυσσέας Ελύτης")]
    [InlineData("ΟΔΥΣΣΕΑΣ", "")]
    [InlineData("émile", "Émile Zola")]
    [InlineData("ÉMILE", "Émile Zola")]
    [InlineData("emile", "Emile Berliner")]
    [InlineData("édouard", "E\u0301douard Manet")]
    [InlineData("ŁUK", "Łukasz")]
    [InlineData("ø", "Ørjan")]
    [InlineData("zz", "")]
    public async Task A_name_search_matches_substrings_in_any_case_and_keeps_accents_apart(string search, string found)
    {
        var client = await factory.LoggedInClientAsync();
        foreach (var name in Names) await client.CreateContactAsync(name);

        var body = await client.ListAsync("?name=" + Uri.EscapeDataString(search));

        Assert.Equal(found, string.Join(", ", body["data"]!.AsArray().Select(c => c!.Str("name"))));
        Assert.Equal(found.Length == 0 ? 0 : found.Split(", ").Length, body["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_search_pages_through_its_matches_in_the_collations_order_with_an_exact_total()
    {
        var client = await factory.LoggedInClientAsync();
        var names = Enumerable.Range(0, 30).Select(i => (i % 3) switch { 0 => $"Ганна {i:D2}", 1 => $"ГАННА {i:D2}", _ => $"Іван {i:D2}" }).ToList();
        foreach (var name in names) await client.CreateContactAsync(name);
        var expected = names.Where(n => n.Contains("анна", StringComparison.OrdinalIgnoreCase)).Order(Collations.Ukrainian).ToList();

        var seen = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            var body = await client.ListAsync($"?name=%D0%B0%D0%BD%D0%BD%D0%B0&limit=6&page={page}&order=desc");
            Assert.Equal(20, body["total"]!.GetValue<long>());
            seen.AddRange(body["data"]!.AsArray().Select(c => c!.Str("name")));
        }

        Assert.Equal(Enumerable.Reverse(expected), seen);
    }

    [Fact]
    public async Task An_email_search_ignores_case_and_combines_with_a_name_search()
    {
        var client = await factory.LoggedInClientAsync();
        var hanna = await client.CreateContactAsync("Ганна", "Hanna@Example.UA");
        await client.CreateContactAsync("Яна", "yana@example.ua");
        await client.CreateContactAsync("Ганна Друга", "hanna@example.com");

        var body = await client.ListAsync("?email=EXAMPLE.ua&name=%D0%93%D0%90%D0%9D");

        Assert.Equal([hanna.Id()], body.Ids());
        Assert.Equal(1, body["total"]!.GetValue<long>());
        await (await client.GetAsync("/api/contacts?name=" + new string('я', 101)))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "\"name\" must be at most 100 characters long");
    }
}
