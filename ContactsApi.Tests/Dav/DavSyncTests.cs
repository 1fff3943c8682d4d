using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using ContactsApi.Tests.Infrastructure;
using static ContactsApi.Tests.Dav.DavCalls;

namespace ContactsApi.Tests.Dav;

public sealed class DavSyncTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private static XElement Sync(string token) => new(D + "sync-collection", new XElement(D + "sync-token", token),
        new XElement(D + "sync-level", "1"), new XElement(D + "prop", new XElement(D + "getetag")));

    private static string TokenOf(XElement multistatus) => multistatus.Element(D + "sync-token")!.Value;

    [Fact]
    public async Task A_sync_from_nothing_lists_every_card_and_a_token()
    {
        var user = await factory.NewDavUserAsync();
        var tag = (await PutCardAsync(user.Dav, user.Card("a.vcf"), Vcard("a", "Ann"))).Headers.ETag!.ToString();

        var multistatus = await ReportAsync(user.Dav, user.Book, Sync(""));

        Assert.Equal([user.Card("a.vcf")], Responses(multistatus).Keys);
        Assert.Equal(tag, Found(multistatus, user.Card("a.vcf")).Element(D + "getetag")!.Value);
        Assert.StartsWith("urn:x-contactsapi:sync:", TokenOf(multistatus));
    }

    [Fact]
    public async Task A_sync_with_a_token_gets_only_what_changed_and_deleted_since()
    {
        var user = await factory.NewDavUserAsync();
        await PutCardAsync(user.Dav, user.Card("kept.vcf"), Vcard("kept", "Kept"));
        await PutCardAsync(user.Dav, user.Card("edited.vcf"), Vcard("edited", "Before"));
        await PutCardAsync(user.Dav, user.Card("deleted.vcf"), Vcard("deleted", "Doomed"));
        var token = TokenOf(await ReportAsync(user.Dav, user.Book, Sync("")));

        var edited = await PutCardAsync(user.Dav, user.Card("edited.vcf"), Vcard("edited", "After"));
        Assert.Equal(HttpStatusCode.NoContent, (await user.Dav.DeleteAsync(user.Card("deleted.vcf"))).StatusCode);
        var made = await (await user.Rest.PostAsJsonAsync("/api/contacts", new { name = "Rest", email = "r@example.com", phone = "+1 555 0100" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var since = await ReportAsync(user.Dav, user.Book, Sync(token));
        var again = await ReportAsync(user.Dav, user.Book, Sync(TokenOf(since)));

        var responses = Responses(since);
        var restCard = user.Card($"{made["_id"]!.GetValue<string>()}.vcf");
        Assert.Equal([user.Card("edited.vcf"), restCard, user.Card("deleted.vcf")], responses.Keys);
        Assert.Equal(edited.Headers.ETag!.ToString(), Found(since, user.Card("edited.vcf")).Element(D + "getetag")!.Value);
        Assert.Equal("HTTP/1.1 404 Not Found", responses[user.Card("deleted.vcf")].Element(D + "status")!.Value);
        Assert.Empty(Responses(again));
    }

    [Theory]
    [InlineData("urn:x-contactsapi:sync:not-a-token")]
    [InlineData("http://example.com/ns/sync/1234")]
    public async Task A_token_that_is_not_one_of_this_user_s_is_refused_with_valid_sync_token(string token)
    {
        var user = await factory.NewDavUserAsync();

        var response = await user.Dav.SendAsync(Request("REPORT", user.Book, new XDocument(Sync(token)).ToString(), "0"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(D + "valid-sync-token", XElement.Parse(await response.Content.ReadAsStringAsync()).Elements().Single().Name);
    }

    [Fact]
    public async Task Another_user_s_token_is_refused()
    {
        var owner = await factory.NewDavUserAsync();
        var other = await factory.NewDavUserAsync();
        var token = TokenOf(await ReportAsync(owner.Dav, owner.Book, Sync("")));

        var response = await other.Dav.SendAsync(Request("REPORT", other.Book, new XDocument(Sync(token)).ToString(), "0"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_book_s_sync_token_property_starts_a_sync_that_sees_later_changes_only()
    {
        var user = await factory.NewDavUserAsync();
        await PutCardAsync(user.Dav, user.Card("before.vcf"), Vcard("before", "Before"));
        var token = Found(await PropfindAsync(user.Dav, user.Book, "0", Props(D + "sync-token")), user.Book).Element(D + "sync-token")!.Value;
        await PutCardAsync(user.Dav, user.Card("after.vcf"), Vcard("after", "After"));

        var since = await ReportAsync(user.Dav, user.Book, Sync(token));

        Assert.Equal([user.Card("after.vcf")], Responses(since).Keys);
    }

    [Fact]
    public async Task A_card_deleted_over_CardDAV_goes_to_the_trash()
    {
        var user = await factory.NewDavUserAsync();
        await PutCardAsync(user.Dav, user.Card("t.vcf"), Vcard("t", "Trashed"));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Dav.DeleteAsync(user.Card("t.vcf"))).StatusCode);

        var trash = await (await user.Rest.GetAsync("/api/contacts/trash")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Trashed", Assert.Single(trash["data"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Empty(await RestContactsAsync(user.Rest));
    }
}
