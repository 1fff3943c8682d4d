using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

public sealed class ContactPagingTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const int Count = 53;

    public static TheoryData<string> SortKeys => ["name", "email", "phone", "favorite", "createdAt", "updatedAt"];

    [Theory]
    [MemberData(nameof(SortKeys))]
    public async Task Paging_returns_every_contact_once_in_order_both_ways(string sort)
    {
        var client = await factory.LoggedInClientAsync();
        var seeded = await SeedAsync(client);
        var ascending = seeded.OrderBy(c => c, ByKeyThenId(sort)).Select(c => c.Id()).ToArray();

        foreach (var (order, expected) in new[] { ("asc", ascending), ("desc", ascending.Reverse().ToArray()) })
        {
            var seen = new List<string>();
            for (var page = 1; page <= 6; page++)
            {
                var body = await client.ListAsync($"?sort={sort}&order={order}&page={page}&limit=10");
                Assert.Equal(page, body["page"]!.GetValue<int>());
                Assert.Equal(10, body["per_page"]!.GetValue<int>());
                Assert.Equal(Count, body["total"]!.GetValue<long>());
                Assert.Equal(page < 6 ? 10 : 3, body.Ids().Length);
                seen.AddRange(body.Ids());
            }
            Assert.Equal(expected, seen);
            Assert.Empty((await client.ListAsync($"?sort={sort}&order={order}&page=7&limit=10")).Ids());
        }
    }

    [Fact]
    public async Task The_default_list_is_twenty_by_name_ascending_with_the_owner_summary()
    {
        var email = ContactsApiFactory.NewEmail();
        var client = await factory.LoggedInClientAsync(email);
        var seeded = await SeedAsync(client);
        var byName = seeded.OrderBy(c => c, ByKeyThenId("name")).Select(c => c.Id()).ToArray();

        var response = await client.GetAsync("/api/contacts");
        var body = await response.AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["page", "per_page", "total", "data"], body.AsObject().Select(p => p.Key));
        Assert.Equal(JsonNumber(1), body["page"]!.ToJsonString());
        Assert.Equal(JsonNumber(20), body["per_page"]!.ToJsonString());
        Assert.Equal(JsonNumber(Count), body["total"]!.ToJsonString());
        Assert.Equal(byName.Take(20), body.Ids());
        var first = body["data"]![0]!;
        Assert.Equal(email, first["owner"]!.Str("email"));
        Assert.Equal("starter", first["owner"]!.Str("subscription"));
        Assert.Equal(seeded.Single(c => c.Id() == first.Id())["phones"]!.ToJsonString(), first["phones"]!.ToJsonString());
        Assert.Equal(byName.Skip(40), (await client.ListAsync("?page=3")).Ids());
        Assert.Equal(byName, (await client.ListAsync("?limit=100")).Ids());
    }

    /// <summary>
    /// 53 contacts with deliberate ties in every key but the timestamps: names equal apart from
    /// letter case (names and emails sort case-insensitively), repeated emails and
    /// numbers, a third of them favourites.
    /// </summary>
    private static async Task<List<JsonNode>> SeedAsync(HttpClient client)
    {
        var seeded = new List<JsonNode>();
        for (var i = 0; i < Count; i++)
        {
            var name = (i % 7) switch { 0 => "alice", 1 => "Alice", 2 => "ALICE", _ => $"Name {i % 11:D2}" };
            var email = i % 5 == 0 ? "Shared@Example.com" : $"person{i % 13}@example.com";
            var phone = i % 4 == 0 ? "+1 555 0000" : $"({i % 9}00) 555-{i:D4}";
            seeded.Add(await client.CreateContactAsync(name, email, phone, favorite: i % 3 == 0));
        }
        return seeded;
    }

    /// <summary>
    /// The store's order: name and email by the default collation (Ukrainian, case ignored), the rest as stored,
    /// ties by id.
    /// </summary>
    private static Comparer<JsonNode> ByKeyThenId(string sort) => Comparer<JsonNode>.Create((a, b) =>
    {
        var byKey = sort switch
        {
            "favorite" => a["favorite"]!.GetValue<bool>().CompareTo(b["favorite"]!.GetValue<bool>()),
            "name" or "email" => Collations.Ukrainian.Compare(a.Str(sort), b.Str(sort)),
            _ => string.CompareOrdinal(a.Str(sort), b.Str(sort)),
        };
        return byKey != 0 ? byKey : string.CompareOrdinal(a.Id(), b.Id());
    });

    private static string JsonNumber(int n) => n.ToString(CultureInfo.InvariantCulture);
}
