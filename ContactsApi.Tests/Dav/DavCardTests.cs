using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using ContactsApi.Tests.Infrastructure;
using static ContactsApi.Tests.Dav.DavCalls;

namespace ContactsApi.Tests.Dav;

public sealed class DavCardTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task A_card_a_phone_puts_is_a_contact_of_the_REST_API()
    {
        var user = await factory.NewDavUserAsync();

        var put = await PutCardAsync(user.Dav, user.Card("phone-1.vcf"), Vcard("phone-1", "Ann Phone", "ann@example.com", "+1 555 0100"),
            ("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var contact = Assert.Single(await RestContactsAsync(user.Rest));
        Assert.Equal("Ann Phone", contact["name"]!.GetValue<string>());
        Assert.Equal("ann@example.com", contact["email"]!.GetValue<string>());
        Assert.Equal("+1 555 0100", contact["phone"]!.GetValue<string>());
        var listed = Found(await PropfindAsync(user.Dav, user.Book, "1", Props(D + "getetag")), user.Card("phone-1.vcf"));
        Assert.Equal(put.Headers.ETag!.ToString(), listed.Element(D + "getetag")!.Value);
    }

    [Fact]
    public async Task A_contact_made_by_the_REST_API_is_a_card_named_by_its_id()
    {
        var user = await factory.NewDavUserAsync();
        var made = await (await user.Rest.PostAsJsonAsync("/api/contacts", new { name = "Rest <&> Made", email = "rest@example.com", phone = "+1 555 0101" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = made["_id"]!.GetValue<string>();

        var listing = await PropfindAsync(user.Dav, user.Book, "1", Props(D + "getetag", D + "getcontenttype", D + "resourcetype"));
        var card = await user.Dav.GetAsync(user.Card($"{id}.vcf"));

        var found = Found(listing, user.Card($"{id}.vcf"));
        Assert.Equal("text/vcard; charset=utf-8", found.Element(D + "getcontenttype")!.Value);
        Assert.Empty(found.Element(D + "resourcetype")!.Elements());
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Equal("text/vcard", card.Content.Headers.ContentType!.MediaType);
        Assert.Equal(found.Element(D + "getetag")!.Value, card.Headers.ETag!.ToString());
        var text = await card.Content.ReadAsStringAsync();
        Assert.Contains($"UID:{id}\r\n", text);
        Assert.Contains("FN:Rest <&> Made\r\n", text);
    }

    [Fact]
    public async Task A_name_with_markup_characters_travels_in_the_XML_as_text()
    {
        var user = await factory.NewDavUserAsync();
        Assert.Equal(HttpStatusCode.Created, (await PutCardAsync(user.Dav, user.Card("m.vcf"), Vcard("m", "A <b>&amp; </d:href>"))).StatusCode);

        var report = new XElement(C + "addressbook-multiget", new XElement(D + "prop", new XElement(D + "getetag"), new XElement(C + "address-data")),
            new XElement(D + "href", user.Card("m.vcf")));
        var data = Found(await ReportAsync(user.Dav, user.Book, report), user.Card("m.vcf")).Element(C + "address-data")!.Value;

        Assert.Contains("FN:A <b>&amp; </d:href>", data);
    }

    [Fact]
    public async Task An_edit_with_the_current_tag_is_written_and_a_stale_tag_is_refused()
    {
        var user = await factory.NewDavUserAsync();
        var first = await PutCardAsync(user.Dav, user.Card("e.vcf"), Vcard("e", "First"));
        var stale = first.Headers.ETag!.ToString();
        var second = await PutCardAsync(user.Dav, user.Card("e.vcf"), Vcard("e", "Second"), ("If-Match", stale));

        var refused = await PutCardAsync(user.Dav, user.Card("e.vcf"), Vcard("e", "Third"), ("If-Match", stale));

        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.NotEqual(stale, second.Headers.ETag!.ToString());
        await refused.AssertErrorAsync(HttpStatusCode.PreconditionFailed, "The contact has changed; fetch it again");
        Assert.Equal("Second", Assert.Single(await RestContactsAsync(user.Rest))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_over_an_existing_card_with_If_None_Match_star_is_refused()
    {
        var user = await factory.NewDavUserAsync();
        Assert.Equal(HttpStatusCode.Created, (await PutCardAsync(user.Dav, user.Card("n.vcf"), Vcard("n", "Kept"))).StatusCode);

        var refused = await PutCardAsync(user.Dav, user.Card("n.vcf"), Vcard("n", "Over it"), ("If-None-Match", "*"));

        await refused.AssertErrorAsync(HttpStatusCode.PreconditionFailed, "The contact has changed; fetch it again");
        Assert.Equal("Kept", Assert.Single(await RestContactsAsync(user.Rest))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_REST_edit_changes_the_card_s_tag_and_the_book_s_ctag()
    {
        var user = await factory.NewDavUserAsync();
        var made = await (await user.Rest.PostAsJsonAsync("/api/contacts", new { name = "Before", email = "b@example.com", phone = "+1 555 0102" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = made["_id"]!.GetValue<string>();
        var before = Found(await PropfindAsync(user.Dav, user.Book, "1", Props(D + "getetag", CS + "getctag")), user.Book);
        var tagBefore = (await user.Dav.GetAsync(user.Card($"{id}.vcf"))).Headers.ETag!.ToString();

        (await user.Rest.PutAsJsonAsync($"/api/contacts/{id}", new { name = "After" })).EnsureSuccessStatusCode();

        var after = Found(await PropfindAsync(user.Dav, user.Book, "0", Props(CS + "getctag")), user.Book);
        var card = await user.Dav.GetAsync(user.Card($"{id}.vcf"));
        Assert.NotEqual(before.Element(CS + "getctag")!.Value, after.Element(CS + "getctag")!.Value);
        Assert.NotEqual(tagBefore, card.Headers.ETag!.ToString());
        Assert.Contains("FN:After\r\n", await card.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_GET_with_the_current_tag_is_not_modified()
    {
        var user = await factory.NewDavUserAsync();
        var tag = (await PutCardAsync(user.Dav, user.Card("g.vcf"), Vcard("g", "Got"))).Headers.ETag!.ToString();
        var request = Request("GET", user.Card("g.vcf"));
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);

        var response = await user.Dav.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deleting_a_card_deletes_the_contact_and_a_stale_tag_deletes_nothing()
    {
        var user = await factory.NewDavUserAsync();
        var tag = (await PutCardAsync(user.Dav, user.Card("d.vcf"), Vcard("d", "Doomed"))).Headers.ETag!.ToString();
        var staleDelete = Request("DELETE", user.Card("d.vcf"));
        staleDelete.Headers.TryAddWithoutValidation("If-Match", "\"stale\"");
        await (await user.Dav.SendAsync(staleDelete)).AssertErrorAsync(HttpStatusCode.PreconditionFailed, "The contact has changed; fetch it again");
        Assert.Single(await RestContactsAsync(user.Rest));

        var delete = Request("DELETE", user.Card("d.vcf"));
        delete.Headers.TryAddWithoutValidation("If-Match", tag);
        var deleted = await user.Dav.SendAsync(delete);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await RestContactsAsync(user.Rest));
        await (await user.Dav.GetAsync(user.Card("d.vcf"))).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Theory]
    [InlineData("application/json", "{\"name\":\"Ann\"}")]
    [InlineData("text/vcard", "this is no card at all")]
    public async Task A_body_that_is_not_a_vCard_is_an_unsupported_media_type(string mediaType, string body)
    {
        var user = await factory.NewDavUserAsync();

        var response = await user.Dav.SendAsync(Request("PUT", user.Card("x.vcf"), body, mediaType: mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(C + "supported-address-data", XElement.Parse(await response.Content.ReadAsStringAsync()).Elements().Single().Name);
        Assert.Empty(await RestContactsAsync(user.Rest));
    }

    [Fact]
    public async Task Two_cards_in_one_resource_are_not_valid_address_data()
    {
        var user = await factory.NewDavUserAsync();

        var response = await PutCardAsync(user.Dav, user.Card("two.vcf"), Vcard("a", "A") + Vcard("b", "B"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(C + "valid-address-data", XElement.Parse(await response.Content.ReadAsStringAsync()).Elements().Single().Name);
        Assert.Empty(await RestContactsAsync(user.Rest));
    }

    [Fact]
    public async Task A_card_over_the_size_limit_is_refused_with_the_max_resource_size_precondition()
    {
        var user = await factory.NewDavUserAsync();
        var card = Vcard("big", "Big").Replace("END:VCARD", "NOTE:" + new string('x', 1024 * 1024) + "\r\nEND:VCARD");

        var response = await PutCardAsync(user.Dav, user.Card("big.vcf"), card);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(C + "max-resource-size", XElement.Parse(await response.Content.ReadAsStringAsync()).Elements().Single().Name);
        Assert.Empty(await RestContactsAsync(user.Rest));
    }

    [Fact]
    public async Task A_card_without_a_UID_is_found_where_it_was_put()
    {
        var user = await factory.NewDavUserAsync();
        var card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No Uid\r\nN:Uid;No;;;\r\nEND:VCARD\r\n";

        Assert.Equal(HttpStatusCode.Created, (await PutCardAsync(user.Dav, user.Card("chosen-name.vcf"), card)).StatusCode);

        var got = await user.Dav.GetAsync(user.Card("chosen-name.vcf"));
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Contains("FN:No Uid\r\n", await got.Content.ReadAsStringAsync());
    }
}
