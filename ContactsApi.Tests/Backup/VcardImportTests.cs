using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Tests.Vcards;
using static ContactsApi.Tests.Backup.BackupCalls;

namespace ContactsApi.Tests.Backup;

/// <summary>POST /api/contacts/import: a phone's file in, each card a contact, the same file again changing nothing.</summary>
public sealed class VcardImportTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task An_iPhone_export_becomes_contacts_holding_their_whole_cards()
    {
        var client = await factory.LoggedInClientAsync();

        var report = await client.ImportAsync(Corpus.Bytes("ios-contacts.vcf"));

        Assert.Equal((3, 0, 0, 0), report.Counts());
        Assert.Equal(0, report["photosResized"]!.GetValue<int>());
        var johnny = (await client.ListAsync("?name=johnny"))["data"]![0]!;
        Assert.Equal(("Johnny Appleseed", "johnny@orchard.example", "+1 (408) 555-0101"), (johnny.Str("name"), johnny.Str("email"), johnny.Str("phone")));
        Assert.Equal(["johnny@orchard.example/other", "j.appleseed@work.example/work"],
            johnny["emails"]!.AsArray().Select(e => $"{e!["address"]}/{e["label"]}"));
        Assert.Equal(["mobile", "mobile", "home", "Mum's work", "work fax"], johnny.Phones().Select(p => p!.Str("label")));
        Assert.Equal(("Orchard Supply Co.", "Head Gardener", "--04-12"), (johnny.Str("organization"), johnny.Str("title"), johnny.Str("birthday")));
        Assert.Equal("Met at the orchard fair.\nLikes Granny Smiths, not Galas.", johnny.Str("notes"));
        var home = Assert.Single(johnny["addresses"]!.AsArray())!;
        Assert.Equal(("home", "12 Orchard Lane\nApt 4", "Cupertino", "CA", "95014", "United States"),
            (home.Str("label"), home.Str("street"), home.Str("city"), home.Str("region"), home.Str("postcode"), home.Str("country")));
        Assert.True(johnny["hasPhoto"]!.GetValue<bool>());
        Assert.False(johnny["favorite"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_same_file_imported_twice_creates_nothing_the_second_time()
    {
        var client = await factory.LoggedInClientAsync();
        var file = Corpus.Bytes("android-2.1.vcf");
        await client.ImportAsync(file);
        var before = (await client.ListAsync())["data"]!.ToJsonString();

        var again = await client.ImportAsync(file);

        Assert.Equal((0, 0, 2, 0), again.Counts());
        Assert.Equal(before, (await client.ListAsync())["data"]!.ToJsonString());
    }

    [Fact]
    public async Task A_changed_card_updates_its_contact_which_keeps_its_id_and_favorite()
    {
        var client = await factory.LoggedInClientAsync();
        await client.ImportAsync(Card("Ann Lee", "UID:ann-1", "TEL;TYPE=CELL:+1 555 0100", "NOTE:old"));
        var ann = (await client.ListAsync())["data"]![0]!;
        await (await client.PatchAsJsonAsync($"/api/contacts/{ann.Id()}/favorite", new { favorite = true })).AssertJsonAsync(HttpStatusCode.OK);

        var report = await client.ImportAsync(Card("Ann Lee-Smith", "UID:ann-1", "TEL;TYPE=CELL:+1 555 0100", "NOTE:new", "NICKNAME:Annie"));

        Assert.Equal((0, 1, 0, 0), report.Counts());
        var updated = await client.GetContactAsync(ann.Id());
        Assert.Equal(("Ann Lee-Smith", "new", true), (updated.Str("name"), updated.Str("notes"), updated["favorite"]!.GetValue<bool>()));
        Assert.Equal(ann.Phones()[0]!.Id(), updated.Phones()[0]!.Id());
        Assert.Contains("NICKNAME:Annie", await (await client.GetAsync($"/api/contacts/{ann.Id()}/vcard")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_card_without_a_uid_is_found_by_its_name_numbers_and_addresses_and_another_number_is_another_contact()
    {
        var client = await factory.LoggedInClientAsync();
        await client.ImportAsync(Card("Bob", "TEL:+1 555 0200", "ADR:;;1 Main St;Springfield;;;"));

        var same = await client.ImportAsync(Card("Bob", "TEL:(1) 555-0200", "ADR:;;1 Main St;Springfield;;;"));
        var other = await client.ImportAsync(Card("Bob", "TEL:+1 555 0201", "ADR:;;1 Main St;Springfield;;;"));

        // Punctuation in a number doesn't make it another, but it is the card's way of writing it.
        Assert.Equal((0, 1, 0, 0), same.Counts());
        Assert.Equal((1, 0, 0, 0), other.Counts());
        Assert.Equal(2, (await client.ListAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_broken_card_among_good_ones_is_reported_with_its_index_line_and_reason_and_the_rest_imported()
    {
        var client = await factory.LoggedInClientAsync();

        var report = await client.ImportAsync(Corpus.Bytes("broken-garbage-line.vcf"));

        Assert.Equal((2, 0, 0, 3), report.Counts());
        Assert.Equal(
            [(1, 5, "line 8: not a property (no ':')"), (2, 11, "line 14: 'TEL CELL' is not a property name"), (4, 21, "line 24: BEGIN:VCALENDAR inside a vCard")],
            Failures(report));
        Assert.Equal(2, (await client.ListAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_card_with_nothing_to_call_it_by_fails_with_its_reason()
    {
        var client = await factory.LoggedInClientAsync();

        var report = await client.ImportAsync("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:who am I\r\nEND:VCARD\r\n" + Card("Named"));

        Assert.Equal((1, 0, 0, 1), report.Counts());
        Assert.Equal([(0, 1, "the card has no name, organization, email or number")], Failures(report));
    }

    [Theory]
    [InlineData("")]
    [InlineData("just some text\r\nand more")]
    [InlineData("""{"name":"Ann","email":"ann@example.com"}""")]
    [InlineData("END:VCARD\r\n")]
    public async Task A_body_that_holds_no_card_is_not_a_vCard(string body)
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PostVcardAsync(Encoding.UTF8.GetBytes(body));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "File is not a vCard");
    }

    [Fact]
    public async Task Binary_bytes_are_not_a_vCard()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PostVcardAsync(Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7919 % 251)).ToArray(), "application/octet-stream");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "File is not a vCard");
    }

    [Fact]
    public async Task A_file_sent_as_the_multipart_field_file_or_with_curls_default_type_is_imported()
    {
        var client = await factory.LoggedInClientAsync();
        var form = new MultipartFormDataContent { { new StringContent("ignored"), "note" }, { new ByteArrayContent(Corpus.Bytes("android-3.0.vcf")), "file", "contacts.vcf" } };

        var report = await (await client.PostAsync("/api/contacts/import", form)).AssertJsonAsync(HttpStatusCode.OK);
        var again = await (await client.PostVcardAsync(Corpus.Bytes("android-3.0.vcf"), "application/x-www-form-urlencoded")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal((2, 0, 0, 0), report.Counts());
        Assert.Equal((0, 0, 2, 0), again.Counts());
    }

    [Fact]
    public async Task A_form_without_the_field_file_or_a_broken_one_is_refused()
    {
        var client = await factory.LoggedInClientAsync();

        var missing = await client.PostAsync("/api/contacts/import", new MultipartFormDataContent { { new ByteArrayContent(Corpus.Bytes("android-3.0.vcf")), "upload", "c.vcf" } });
        var broken = await client.PostVcardAsync("--xyz\r\ngarbage"u8.ToArray(), "multipart/form-data; boundary=xyz");

        await missing.AssertErrorAsync(HttpStatusCode.BadRequest, "\"file\" is required");
        await broken.AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is not a valid multipart form");
        Assert.Equal(0, (await client.ListAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Values_the_json_api_would_refuse_are_kept_as_they_came()
    {
        var client = await factory.LoggedInClientAsync();
        var label = new string('L', 40);
        var phones = Enumerable.Range(0, 22).Select(i => $"TEL:+1 555 {i:0000}").ToList();

        await client.ImportAsync(Card("Many Numbers", [.. phones, "TEL;TYPE=WORK:555-0100 ext. 12", $"item1.TEL:1-800-FLOWERS", $"item1.X-ABLabel:{label}",
            "EMAIL:not-an-email"]));

        var contact = (await client.ListAsync())["data"]![0]!;
        Assert.Equal(24, contact.Phones().Count);
        Assert.Equal(("555-0100 ext. 12", "work"), (contact.Phones()[22]!.Str("number"), contact.Phones()[22]!.Str("label")));
        Assert.Equal(("1-800-FLOWERS", label), (contact.Phones()[23]!.Str("number"), contact.Phones()[23]!.Str("label")));
        Assert.Equal("not-an-email", contact.Str("email"));
        // The JSON API still holds its own rules for what it is sent: no 25th number.
        await (await client.PostAsJsonAsync($"/api/contacts/{contact.Id()}/phones", new { number = "+1 555 9999", label = "home" }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "A contact can have at most 20 phones");
    }

    [Fact]
    public async Task A_contact_from_a_card_without_email_or_phone_shows_them_as_null_and_sorts_and_lists_everywhere()
    {
        var client = await factory.LoggedInClientAsync();
        await client.ImportAsync(Card("Only A Name") + Card("Only A Phone", "TEL:+1 555 0300"));
        await client.CreateContactAsync("Json Made", "json@example.com", "+1 555 0400");

        var bare = (await client.ListAsync("?name=only a name"))["data"]![0]!;

        Assert.Null(bare["email"]);
        Assert.Null(bare["phone"]);
        Assert.Empty(bare.Phones());
        Assert.Empty(bare["emails"]!.AsArray());
        foreach (var sort in new[] { "email", "phone" })
            foreach (var order in new[] { "asc", "desc" })
                Assert.Equal(3, (await client.ListAsync($"?sort={sort}&order={order}"))["data"]!.AsArray().Count);
        Assert.Equal(["Json Made"], (await client.ListAsync("?email=json"))["data"]!.AsArray().Select(c => c!.Str("name")));
        Assert.Equal(["Only A Phone"], (await client.ListAsync("?phone=5550300"))["data"]!.AsArray().Select(c => c!.Str("name")));
        // A JSON client can give it what it lacks.
        var given = await (await client.PutAsJsonAsync($"/api/contacts/{bare.Id()}", new { email = "named@example.com", phone = "+1 555 0500" }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("named@example.com", "+1 555 0500", "mobile"), (given.Str("email"), given.Str("phone"), given.Phones()[0]!.Str("label")));
        Assert.Equal("named@example.com", given["emails"]![0]!.Str("address"));
    }

    [Fact]
    public async Task An_import_needs_a_token_and_touches_only_its_users_contacts()
    {
        var client = await factory.LoggedInClientAsync();
        var other = await factory.LoggedInClientAsync();
        await other.ImportAsync(Card("Shared Name", "UID:same-uid"));

        var anonymous = await factory.CreateClient().PostVcardAsync(Card("Nobody"));
        var report = await client.ImportAsync(Card("Shared Name", "UID:same-uid"));

        await anonymous.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        Assert.Equal((1, 0, 0, 0), report.Counts());
        Assert.Equal(1, (await other.ListAsync())["total"]!.GetValue<int>());
    }

    private static IEnumerable<(int, int, string)> Failures(JsonNode report) =>
        report["failed"]!.AsArray().Select(f => (f!["index"]!.GetValue<int>(), f["line"]!.GetValue<int>(), f.Str("reason")));
}
