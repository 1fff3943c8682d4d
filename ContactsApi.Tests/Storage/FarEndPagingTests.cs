using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// Pages past the middle of a list are read from its far end and turned round; read one after
/// another, the pages must still be the whole list in order, each contact once.
/// </summary>
public sealed class FarEndPagingTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private static readonly string[] Names = ["Leo", "ada", "Zoe", "Ada", "Bob", "leo", "Kai"];

    [Theory]
    [InlineData("asc", "")]
    [InlineData("desc", "")]
    [InlineData("asc", "&name=o")]
    public async Task Pages_read_in_turn_give_the_whole_list_in_order_each_contact_once(string order, string filter)
    {
        var client = await factory.LoggedInClientAsync();
        foreach (var name in Names)
            (await client.PostAsJsonAsync("/api/contacts", new { name, email = "x@example.com", phone = "123-45-67" })).EnsureSuccessStatusCode();
        var whole = await IdsAsync(client, $"/api/contacts?limit=100&order={order}{filter}");

        var paged = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var body = await (await client.GetAsync($"/api/contacts?page={page}&limit=2&order={order}{filter}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal(whole.Count, body["total"]!.GetValue<long>());
            paged.AddRange(body["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()));
        }

        Assert.Equal(whole, paged);
        Assert.Equal(filter == "" ? Names.Length : 4, whole.Count);
        var names = (await (await client.GetAsync($"/api/contacts?limit=100&order={order}{filter}")).AssertJsonAsync(HttpStatusCode.OK))["data"]!
            .AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(order == "asc" ? names.Order(Collations.Ukrainian) : names.OrderDescending(Collations.Ukrainian), names);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_keeps_the_total()
    {
        var client = await factory.LoggedInClientAsync();
        foreach (var name in Names.Take(3))
            (await client.PostAsJsonAsync("/api/contacts", new { name, email = "x@example.com", phone = "123-45-67" })).EnsureSuccessStatusCode();

        var body = await (await client.GetAsync("/api/contacts?page=3&limit=2")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, body["total"]!.GetValue<long>());
        Assert.Empty(body["data"]!.AsArray());
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray()
            .Select(c => c!["_id"]!.GetValue<string>()).ToList();
}
