using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

/// <summary>The whole card through the JSON API: emails, organization, title, birthday, notes and addresses.</summary>
public sealed class CardFieldTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private static readonly object Whole = new
    {
        name = "Grace Hopper", email = "grace@navy.example", phone = "+1 555 0100",
        emails = new[] { new { address = "grace@navy.example", label = "work" }, new { address = "g@home.example", label = "home" } },
        organization = "US Navy", title = "Rear Admiral", birthday = "1906-12-09", notes = "COBOL\nFirst compiler",
        addresses = new[] { new { label = "work", street = "1 Navy Way\nBuilding 2", city = "Arlington", region = "VA", postcode = "22202", country = "USA" } },
    };

    [Fact]
    public async Task A_contact_made_with_the_whole_card_shows_it_back()
    {
        var client = await factory.LoggedInClientAsync();

        var created = await client.CreateContactAsync(Whole);

        var stored = await client.GetContactAsync(created.Id());
        Assert.Equal("grace@navy.example", stored.Str("email"));
        Assert.Equal(["grace@navy.example/work", "g@home.example/home"], stored["emails"]!.AsArray().Select(e => $"{e!["address"]}/{e["label"]}"));
        Assert.Equal(("US Navy", "Rear Admiral", "1906-12-09", "COBOL\nFirst compiler"),
            (stored.Str("organization"), stored.Str("title"), stored.Str("birthday"), stored.Str("notes")));
        var address = Assert.Single(stored["addresses"]!.AsArray())!;
        Assert.Matches("^[0-9a-f]{24}$", address.Id());
        Assert.Equal(("work", "1 Navy Way\nBuilding 2", "Arlington", "VA", "22202", "USA"),
            (address.Str("label"), address.Str("street"), address.Str("city"), address.Str("region"), address.Str("postcode"), address.Str("country")));
        Assert.False(stored["hasPhoto"]!.GetValue<bool>());
        Assert.Equal(created.ToJsonString().Replace(created.Str("owner"), ""), stored.ToJsonString().Replace(stored["owner"]!.ToJsonString(), "\"\""));
    }

    [Fact]
    public async Task A_contact_made_with_only_the_ukrainian_specs_fields_lists_its_email_and_nothing_else()
    {
        var client = await factory.LoggedInClientAsync();

        var created = await client.CreateContactAsync("Ann", "ann@example.com", "+1 555 0100");

        var email = Assert.Single(created["emails"]!.AsArray())!;
        Assert.Equal(("ann@example.com", "other"), (email.Str("address"), email.Str("label")));
        foreach (var field in new[] { "organization", "title", "birthday", "notes" }) Assert.Null(created[field]);
        Assert.Empty(created["addresses"]!.AsArray());
    }

    [Fact]
    public async Task Put_sets_any_of_the_fields_replaces_lists_and_an_empty_text_clears_it()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync(Whole);

        var after = await (await client.PutAsJsonAsync($"/api/contacts/{before.Id()}", new
        {
            organization = "", title = "Commodore", birthday = "--12-09", notes = "",
            emails = new[] { new { address = "hopper@navy.example", label = "Navy" } }, addresses = Array.Empty<object>(),
        })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Null(after["organization"]);
        Assert.Null(after["notes"]);
        Assert.Equal(("Commodore", "--12-09", "hopper@navy.example"), (after.Str("title"), after.Str("birthday"), after.Str("email")));
        Assert.Equal("Navy", Assert.Single(after["emails"]!.AsArray())!.Str("label"));
        Assert.Empty(after["addresses"]!.AsArray());
        Assert.Equal((before.Str("name"), before.Str("phone")), (after.Str("name"), after.Str("phone")));
        Assert.Equal(after.ToJsonString().Replace(after.Str("owner"), ""),
            (await client.GetContactAsync(before.Id())) is var stored ? stored.ToJsonString().Replace(stored["owner"]!.ToJsonString(), "\"\"") : "");
    }

    [Fact]
    public async Task An_email_alone_changes_the_first_address_keeping_its_id_and_label()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync(Whole);

        var after = await (await client.PutAsJsonAsync($"/api/contacts/{before.Id()}", new { email = "new@navy.example" })).AssertJsonAsync(HttpStatusCode.OK);

        var (old, now) = (before["emails"]!.AsArray(), after["emails"]!.AsArray());
        Assert.Equal((old[0]!.Id(), "new@navy.example", "work"), (now[0]!.Id(), now[0]!.Str("address"), now[0]!.Str("label")));
        Assert.Equal(old[1]!.ToJsonString(), now[1]!.ToJsonString());
        Assert.Equal("new@navy.example", after.Str("email"));
    }

    [Theory]
    [InlineData("""{"name":"N","email":"a@b.co","emails":[{"address":"a@b.co","label":"home"}],"phone":"123"}""", null)]
    [InlineData("""{"name":"N","phone":"123"}""", "\"email\" is required")]
    [InlineData("""{"name":"N","emails":[{"address":"a@b.co","label":"home"}],"phone":"123"}""", "\"email\" is required")]
    [InlineData("""{"name":"N","email":"x@y.co","emails":[{"address":"a@b.co","label":"home"}],"phone":"123"}""", "\"email\" must equal the address of the first entry of \"emails\"")]
    [InlineData("""{"name":"N","email":"a@b.co","emails":[],"phone":"123"}""", "\"emails\" must hold 1 to 20 addresses")]
    [InlineData("""{"name":"N","email":"a@b.co","emails":[{"address":"nope","label":"home"}],"phone":"123"}""", "\"emails[0].address\" must be a valid email")]
    [InlineData("""{"name":"N","email":"a@b.co","emails":[{"address":"a@b.co"}],"phone":"123"}""", "\"emails[0].label\" is required")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","birthday":"1906-02-30"}""", "\"birthday\" must be a date as YYYY-MM-DD, or --MM-DD without a year")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","birthday":"12/09/1906"}""", "\"birthday\" must be a date as YYYY-MM-DD, or --MM-DD without a year")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","birthday":"--02-29"}""", null)]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","notes":"tab\there"}""", "\"notes\" must not contain control or bidirectional override characters")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","organization":"two\nlines"}""", "\"organization\" must not contain control or bidirectional override characters")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","title":"T"}""", null)]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","addresses":[{"label":"home"}]}""", "\"addresses[0]\" must have a street, city, region, postcode or country")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","addresses":[{"label":"home","city":"Kyiv"},{"city":"Lviv"}]}""", "\"addresses[1].label\" is required")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","addresses":[{"label":"home","street":"a\r\nb"}]}""", "\"addresses[0].street\" must not contain control or bidirectional override characters")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","addresses":[{"label":"home","city":"Kyiv","zip":"1"}]}""", "\"addresses[0].zip\" is not allowed")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","addresses":[null]}""", "\"addresses[0]\" must be an object")]
    [InlineData("""{"name":"N","email":"a@b.co","emails":"a@b.co","phone":"123"}""", "\"emails\" must be an array")]
    [InlineData("""{"name":"N","email":"a@b.co","emails":[{"address":1,"label":"home"}],"phone":"123"}""", "\"emails[0].address\" must be a string")]
    [InlineData("""{"name":"N","email":"a@b.co","phone":"123","hasPhoto":true}""", "\"hasPhoto\" is not allowed")]
    public async Task A_new_field_is_held_to_its_rule_with_the_contracts_message(string body, string? message)
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PostJsonAsync("/api/contacts", body);

        if (message is null) await response.AssertJsonAsync(HttpStatusCode.Created);
        else await response.AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Long_values_are_refused_naming_the_field_and_the_length()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync()).Id();
        var many = Enumerable.Range(0, 21).Select(i => new { address = $"a{i}@b.co", label = "home" }).ToArray();

        foreach (var (body, message) in new (object, string)[]
                 {
                     (new { organization = new string('o', 201) }, "\"organization\" must be at most 200 characters long"),
                     (new { notes = new string('n', 10_001) }, "\"notes\" must be at most 10000 characters long"),
                     (new { emails = many }, "\"emails\" must hold 1 to 20 addresses"),
                     (new { addresses = Enumerable.Repeat(new { label = "home", city = "Kyiv" }, 21) }, "\"addresses\" must hold at most 20 entries"),
                 })
            await (await client.PutAsJsonAsync($"/api/contacts/{id}", body)).AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }
}
