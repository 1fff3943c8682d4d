using System.Net;
using System.Net.Http.Json;
using System.Text;
using ContactsApi.Tests.Infrastructure;
using static ContactsApi.Tests.Dav.DavCalls;

namespace ContactsApi.Tests.Dav;

/// <summary>The book's listing, read from the tags the store keeps: the same names and tags as the cards themselves give.</summary>
public sealed class DavListingTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task The_listing_names_and_tags_each_card_as_its_own_GET_does_after_every_kind_of_change()
    {
        var user = await factory.NewDavUserAsync();
        // Two cards of one import share a UID: the older id holds it, the other is named by its id.
        var book = Vcard("shared", "First Shared") + Vcard("shared", "Second Shared") + Vcard("alone", "Alone", phone: "+1 555 0100");
        (await user.Rest.PostAsync("/api/contacts/import", new StringContent(book, Encoding.UTF8, "text/vcard"))).EnsureSuccessStatusCode();
        var made = await (await user.Rest.PostAsJsonAsync("/api/contacts", new { name = "Made", email = "made@example.com", phone = "+1 555 0101" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var madeId = made["_id"]!.GetValue<string>();
        (await user.Rest.PostAsJsonAsync($"/api/contacts/{madeId}/phones", new { number = "+1 555 0102", label = "work" })).EnsureSuccessStatusCode();
        var put = await PutCardAsync(user.Dav, user.Card("alone.vcf"), Vcard("alone", "Alone Changed"));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var shared = (await RestContactsAsync(user.Rest)).Where(c => c["name"]!.GetValue<string>().EndsWith(" Shared"))
            .Select(c => (Id: c["_id"]!.GetValue<string>(), Name: c["name"]!.GetValue<string>())).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

        var listing = await PropfindAsync(user.Dav, user.Book, "1", Props(D + "getetag", D + "getcontenttype", D + "resourcetype"));
        var withTimes = await PropfindAsync(user.Dav, user.Book, "1", Props(D + "getetag", D + "getlastmodified"));

        var cards = Responses(listing).Keys.Where(href => href != user.Book).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "alone.vcf", $"{shared[1].Id}.vcf", $"{madeId}.vcf", "shared.vcf" }.Select(user.Card).Order(StringComparer.Ordinal), cards);
        Assert.Equal(cards, Responses(withTimes).Keys.Where(href => href != user.Book).Order(StringComparer.Ordinal));
        foreach (var card in cards)
        {
            var tag = (await user.Dav.GetAsync(card)).Headers.ETag!.ToString();
            Assert.Equal(tag, Found(listing, card).Element(D + "getetag")!.Value);
            Assert.Equal(tag, Found(withTimes, card).Element(D + "getetag")!.Value);
            Assert.NotNull(Found(withTimes, card).Element(D + "getlastmodified"));
        }
        Assert.Equal(put.Headers.ETag!.ToString(), Found(listing, user.Card("alone.vcf")).Element(D + "getetag")!.Value);
        Assert.Contains($"FN:{shared[0].Name}\r\n", await (await user.Dav.GetAsync(user.Card("shared.vcf"))).Content.ReadAsStringAsync());
    }
}
