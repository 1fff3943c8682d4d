using System.Net;
using ContactsApi.Tests.Avatars;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Tests.Vcards;
using ContactsApi.Vcards;
using static ContactsApi.Tests.Backup.BackupCalls;

namespace ContactsApi.Tests.Backup;

/// <summary>A card's photo: kept as it came up to 1 MB, downscaled past it, served to its owner only, exported again.</summary>
public sealed class ContactPhotoTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private static string PhotoCard(string name, byte[] photo, string type = "JPEG") =>
        Card(name, $"PHOTO;ENCODING=b;TYPE={type}:{Convert.ToBase64String(photo)}");

    private static async Task<string> IdOfAsync(HttpClient client, string name) => (await client.ListAsync($"?name={Uri.EscapeDataString(name)}"))["data"]![0]!.Id();

    [Fact]
    public async Task A_photo_is_served_to_its_owner_as_it_came_with_its_type_and_nosniff()
    {
        var client = await factory.LoggedInClientAsync();
        await client.ImportAsync(Corpus.Bytes("photos.vcf"));
        var jpeg = Corpus.Cards("photos.vcf")[0].Photo!.Data!;
        var id = await IdOfAsync(client, "Photo Inline Jpeg");

        var response = await client.GetAsync($"/api/contacts/{id}/photo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
        Assert.True((await client.GetContactAsync(id))["hasPhoto"]!.GetValue<bool>());
        await (await (await factory.LoggedInClientAsync()).GetAsync($"/api/contacts/{id}/photo")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await factory.CreateClient().GetAsync($"/api/contacts/{id}/photo")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    [Fact]
    public async Task A_photo_without_a_type_is_served_as_what_its_bytes_are_and_a_link_stays_a_link()
    {
        var client = await factory.LoggedInClientAsync();
        await client.ImportAsync(Corpus.Bytes("photos.vcf"));

        var untyped = await client.GetAsync($"/api/contacts/{await IdOfAsync(client, "Photo Untyped")}/photo");
        var linkId = await IdOfAsync(client, "Photo Link");
        var link = await client.GetContactAsync(linkId);
        var exported = Cards(await (await client.GetAsync($"/api/contacts/{linkId}/vcard")).Content.ReadAsStringAsync()).Single();

        Assert.Equal("image/png", untyped.Content.Headers.ContentType?.MediaType);
        Assert.False(link["hasPhoto"]!.GetValue<bool>());
        await (await client.GetAsync($"/api/contacts/{linkId}/photo")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        Assert.Contains(VcardProperty.Parse("PHOTO;VALUE=uri:https://example.com/photos/jq.jpg"), exported.Properties);
    }

    [Fact]
    public async Task Bytes_that_are_no_image_are_served_as_a_download_never_as_a_page()
    {
        var client = await factory.LoggedInClientAsync();
        await client.ImportAsync(PhotoCard("Sneaky", "<html><script>alert(1)</script></html>"u8.ToArray(), "text/html"));

        var response = await client.GetAsync($"/api/contacts/{await IdOfAsync(client, "Sneaky")}/photo");

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_contact_without_a_photo_has_none_to_serve()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync("No Photo")).Id();

        await (await client.GetAsync($"/api/contacts/{id}/photo")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.GetAsync("/api/contacts/x/photo")).AssertErrorAsync(HttpStatusCode.NotFound, "\"_id\" with value \"x\" fails to match the valid mongo id pattern");
    }

    [Fact]
    public async Task A_photo_over_1_MB_is_downscaled_said_so_in_the_report_and_exported_as_stored()
    {
        var client = await factory.LoggedInClientAsync();
        var noise = new Random(14);
        var large = TestImages.Encode(1600, 1200, (_, _) => new Rgb((byte)noise.Next(256), (byte)noise.Next(256), (byte)noise.Next(256)), ".jpg[Q=98]");
        Assert.True(large.Length > 1024 * 1024, $"the test photo is only {large.Length} bytes");
        var file = PhotoCard("Big Photo", large) + PhotoCard("Small Photo", Corpus.Cards("photos.vcf")[0].Photo!.Data!);

        var report = await client.ImportAsync(file);
        var id = await IdOfAsync(client, "Big Photo");
        var served = await (await client.GetAsync($"/api/contacts/{id}/photo")).Content.ReadAsByteArrayAsync();
        var again = await client.ImportAsync(file);

        Assert.Equal((2, 0, 0, 0), report.Counts());
        Assert.Equal(1, report["photosResized"]!.GetValue<int>());
        Assert.InRange(served.Length, 1, 1024 * 1024);
        var image = TestImages.Decode(served);
        Assert.Equal((1024, 768), (image.Width, image.Height));
        Assert.Equal(served, CardFields.From(Cards(await (await client.GetAsync($"/api/contacts/{id}/vcard")).Content.ReadAsStringAsync()).Single()).Photo!.Data);
        // Downscaled the same way again, it is the photo already stored.
        Assert.Equal((0, 0, 2, 0), again.Counts());
    }
}
