using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Tests.Vcards;
using ContactsApi.Vcards;
using static ContactsApi.Tests.Backup.BackupCalls;

namespace ContactsApi.Tests.Backup;

/// <summary>GET /api/contacts/export and /api/contacts/:id/vcard: the book out again, as a phone reads it.</summary>
public sealed class VcardExportTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task The_export_is_vCard_3_0_by_default_and_4_0_when_asked_with_every_contact_once()
    {
        var client = await factory.LoggedInClientAsync();
        await client.CreateContactAsync("Made Here", "made@example.com", "+1 555 0100");
        await client.ImportAsync(Corpus.Bytes("android-3.0.vcf"));

        var v3 = await client.ExportAsync();
        var v4 = await client.ExportAsync("4.0");

        Assert.Equal(3, Cards(v3).Count);
        Assert.All(Cards(v3), c => Assert.Equal("3.0", c.Version));
        Assert.All(Cards(v4), c => Assert.Equal("4.0", c.Version));
        Assert.Equal(["Made Here", "Dr. Jane Q. Doe PhD", "Plumber"], Cards(v3).Select(c => c.FormattedName));
        Assert.Contains("\r\n", v3);
        Assert.Equal(v3, await client.ExportAsync("3.0"));
    }

    [Theory]
    [InlineData("2.1")]
    [InlineData("4")]
    [InlineData("")]
    public async Task A_version_other_than_3_0_or_4_0_is_refused_naming_the_parameter_and_its_values(string version)
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.GetAsync($"/api/contacts/export?version={version}");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"version\" must be one of [3.0, 4.0]");
    }

    [Fact]
    public async Task A_contact_made_here_goes_out_with_its_fields_and_its_id_as_uid_and_comes_back_unchanged()
    {
        var client = await factory.LoggedInClientAsync();
        var made = await client.CreateContactAsync(new
        {
            name = "Chaim Lewise", email = "is@n.net", phones = new[] { new { number = "+38(099)212-5453", label = "mobile" }, new { number = "555 0100", label = "Mum" } },
            organization = "Lewise & Sons", title = "CEO", birthday = "--04-12", notes = "First line\nsecond",
            addresses = new[] { new { label = "work", street = "1 Main St\nFloor 2", city = "Kyiv", region = "", postcode = "01001", country = "Ukraine" } },
        });

        var card = Assert.Single(Cards(await client.ExportAsync()));
        var again = await client.ImportAsync(await client.ExportAsync("4.0"));

        Assert.Equal(made.Id(), card.Uid);
        var fields = CardFields.From(card);
        Assert.Equal(("Chaim Lewise", "Lewise & Sons", "CEO", "--04-12", "First line\nsecond"),
            (fields.Name, fields.Organization, fields.Title, fields.Birthday, fields.Notes));
        Assert.Equal([new CardPhone("+38(099)212-5453", "mobile"), new CardPhone("555 0100", "Mum")], fields.Phones);
        Assert.Equal([new CardEmail("is@n.net", "other")], fields.Emails);
        Assert.Equal([new CardAddress("work", "1 Main St\nFloor 2", "Kyiv", "", "01001", "Ukraine")], fields.Addresses);
        Assert.Equal((0, 0, 1, 0), again.Counts());
    }

    [Fact]
    public async Task A_contact_edited_after_its_import_goes_out_with_the_edit_and_everything_else_it_came_with()
    {
        var client = await factory.LoggedInClientAsync();
        await client.ImportAsync(Corpus.Bytes("macos-contacts.vcf"));
        var ada = (await client.ListAsync("?name=ada"))["data"]![0]!;
        var original = Corpus.Cards("macos-contacts.vcf")[0];

        await (await client.PutAsJsonAsync($"/api/contacts/{ada.Id()}", new { title = "Countess" })).AssertJsonAsync(HttpStatusCode.OK);
        var exported = Cards(await (await client.GetAsync($"/api/contacts/{ada.Id()}/vcard")).Content.ReadAsStringAsync()).Single();

        Assert.Equal("Countess", CardFields.From(exported).Title);
        Assert.All(original.Properties.Where(p => !p.Is("TITLE")), p => Assert.Contains(p, exported.Properties));
    }

    [Fact]
    public async Task One_contacts_card_is_its_owners_alone()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync("Mine")).Id();

        var response = await client.GetAsync($"/api/contacts/{id}/vcard?version=4.0");
        var stranger = await (await factory.LoggedInClientAsync()).GetAsync($"/api/contacts/{id}/vcard");
        var malformed = await client.GetAsync("/api/contacts/nope/vcard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(("Mine", "4.0"), Cards(await response.Content.ReadAsStringAsync()).Single() is var card ? (card.FormattedName, card.Version) : default);
        await stranger.AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await malformed.AssertErrorAsync(HttpStatusCode.NotFound, "\"_id\" with value \"nope\" fails to match the valid mongo id pattern");
        await (await factory.CreateClient().GetAsync("/api/contacts/export")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    [Fact]
    public async Task An_empty_book_exports_as_an_empty_file()
    {
        var client = await factory.LoggedInClientAsync();

        Assert.Equal("", await client.ExportAsync());
    }
}
