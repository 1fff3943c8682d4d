using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

public sealed class PhoneTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const string NumberMessage = "\"number\" must be 3 to 32 characters of digits, spaces and + - ( ) . with at least 3 digits";

    [Fact]
    public async Task Adding_a_phone_answers_201_with_the_updated_contact()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync();

        var after = await (await client.PostJsonAsync($"/api/contacts/{before.Id()}/phones", """{"number":" (294) 840-6685 ","label":" work "}"""))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(before.Id(), after.Id());
        Assert.Equal(before.Str("owner"), after.Str("owner"));
        var phones = after.Phones();
        Assert.Equal(2, phones.Count);
        Assert.Equal(before.Phones()[0]!.ToJsonString(), phones[0]!.ToJsonString());
        Assert.Equal(("(294) 840-6685", "work"), (phones[1]!.Str("number"), phones[1]!.Str("label")));
        Assert.Matches("^[0-9a-f]{24}$", phones[1]!.Id());
        Assert.Equal(before.Str("phone"), after.Str("phone"));
        Assert.Equal(after["phones"]!.ToJsonString(), (await client.GetContactAsync(before.Id()))["phones"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"label":"work"}""", "\"number\" is required")]
    [InlineData("""{"number":"123"}""", "\"label\" is required")]
    [InlineData("""{"number":"12","label":"work"}""", NumberMessage)]
    [InlineData("""{"number":"12a4","label":"work"}""", NumberMessage)]
    [InlineData("""{"number":"123","label":""}""", "\"label\" must be 1 to 32 characters long")]
    [InlineData("""{"number":"123","label":"work","_id":"63aac14a3ca32c25b4470065"}""", "\"_id\" is not allowed")]
    public async Task An_invalid_new_phone_is_refused(string body, string message)
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync()).Id();

        await (await client.PostJsonAsync($"/api/contacts/{id}/phones", body)).AssertErrorAsync(HttpStatusCode.BadRequest, message);

        Assert.Single((await client.GetContactAsync(id)).Phones());
    }

    [Fact]
    public async Task A_twenty_first_phone_is_refused()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync(new
        {
            name = "Many", email = "m@n.net",
            phones = Enumerable.Range(0, 20).Select(i => new { number = $"555-{i:D4}", label = "other" }),
        })).Id();

        await (await client.PostJsonAsync($"/api/contacts/{id}/phones", """{"number":"555-9999","label":"work"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "A contact can have at most 20 phones");

        Assert.Equal(20, (await client.GetContactAsync(id)).Phones().Count);
    }

    [Fact]
    public async Task Phones_added_at_once_are_all_kept_and_the_limit_holds()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync()).Id();

        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(i =>
            client.PostJsonAsync($"/api/contacts/{id}/phones", $$"""{"number":"555-{{i:D4}}","label":"other"}""")));

        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.AssertErrorAsync(HttpStatusCode.BadRequest, "A contact can have at most 20 phones");
        var phones = (await client.GetContactAsync(id)).Phones();
        Assert.Equal(20, phones.Count);
        Assert.Equal(20, phones.Select(p => p!.Id()).Distinct().Count());
    }

    [Fact]
    public async Task Editing_a_phone_changes_its_number_or_label_only()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync(TwoPhones);
        var phoneId = before.Phones()[1]!.Id();

        var renumbered = await (await client.PutJsonAsync($"/api/contacts/{before.Id()}/phones/{phoneId}", """{"number":"333-333"}"""))
            .AssertJsonAsync(HttpStatusCode.OK);
        var relabelled = await (await client.PutJsonAsync($"/api/contacts/{before.Id()}/phones/{phoneId}", """{"label":"other"}"""))
            .AssertJsonAsync(HttpStatusCode.OK);
        var firstEdited = await (await client.PutJsonAsync($"/api/contacts/{before.Id()}/phones/{before.Phones()[0]!.Id()}",
            """{"number":"444-444","label":"mobile"}""")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal((phoneId, "333-333", "work"), Phone(renumbered, 1));
        Assert.Equal((phoneId, "333-333", "other"), Phone(relabelled, 1));
        Assert.Equal((before.Phones()[0]!.Id(), "444-444", "mobile"), Phone(firstEdited, 0));
        Assert.Equal("444-444", firstEdited.Str("phone"));
        var stored = await client.GetContactAsync(before.Id());
        Assert.Equal(firstEdited["phones"]!.ToJsonString(), stored["phones"]!.ToJsonString());
        Assert.Equal("444-444", stored.Str("phone"));
    }

    [Theory]
    [InlineData("{}", "missing fields")]
    [InlineData("""{"number":"1-2"}""", NumberMessage)]
    [InlineData("""{"label":"   "}""", "\"label\" must be 1 to 32 characters long")]
    [InlineData("""{"number":"123","extra":1}""", "\"extra\" is not allowed")]
    public async Task An_invalid_phone_edit_is_refused(string body, string message)
    {
        var client = await factory.LoggedInClientAsync();
        var contact = await client.CreateContactAsync();

        await (await client.PutJsonAsync($"/api/contacts/{contact.Id()}/phones/{contact.Phones()[0]!.Id()}", body))
            .AssertErrorAsync(HttpStatusCode.BadRequest, message);

        await AssertPhonesUnchangedAsync(client, contact);
    }

    [Fact]
    public async Task Deleting_a_phone_keeps_the_others_and_the_first_becomes_phone()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync(TwoPhones);

        var after = await (await client.DeleteAsync($"/api/contacts/{before.Id()}/phones/{before.Phones()[0]!.Id()}"))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(before.Phones()[1]!.ToJsonString(), Assert.Single(after.Phones())!.ToJsonString());
        Assert.Equal("222-222", after.Str("phone"));
        Assert.Equal("222-222", (await client.GetContactAsync(before.Id())).Str("phone"));
    }

    [Fact]
    public async Task The_last_phone_cannot_be_deleted()
    {
        var client = await factory.LoggedInClientAsync();
        var contact = await client.CreateContactAsync();

        await (await client.DeleteAsync($"/api/contacts/{contact.Id()}/phones/{contact.Phones()[0]!.Id()}"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "A contact must keep at least one phone");

        await AssertPhonesUnchangedAsync(client, contact);
    }

    [Fact]
    public async Task An_unknown_phone_id_is_not_found_and_a_malformed_one_is_the_specs_404()
    {
        var client = await factory.LoggedInClientAsync();
        var contact = await client.CreateContactAsync(TwoPhones);
        var url = $"/api/contacts/{contact.Id()}/phones";
        const string unknown = "63aac14a3ca32c25b4470065";
        const string malformed = "not-a-phone-id";
        var malformedMessage = $"\"phoneId\" with value \"{malformed}\" fails to match the valid mongo id pattern";

        await (await client.PutJsonAsync($"{url}/{unknown}", """{"label":"x"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.DeleteAsync($"{url}/{unknown}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.PutJsonAsync($"{url}/{malformed}", """{"label":"x"}""")).AssertErrorAsync(HttpStatusCode.NotFound, malformedMessage);
        await (await client.DeleteAsync($"{url}/{malformed}")).AssertErrorAsync(HttpStatusCode.NotFound, malformedMessage);
        // A phone id of another contact is not a phone of this one.
        var other = await client.CreateContactAsync();
        await (await client.DeleteAsync($"{url}/{other.Phones()[0]!.Id()}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.DeleteAsync($"/api/contacts/{unknown}/phones/{contact.Phones()[0]!.Id()}"))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");

        await AssertPhonesUnchangedAsync(client, contact);
    }

    private static readonly object TwoPhones = new
    {
        name = "N", email = "n@n.net",
        phones = new[] { new { number = "111-111", label = "home" }, new { number = "222-222", label = "work" } },
    };

    /// <summary>The stored phones are still those the contact had when created: a refused request wrote nothing.</summary>
    private static async Task AssertPhonesUnchangedAsync(HttpClient client, System.Text.Json.Nodes.JsonNode contact) =>
        Assert.Equal(contact["phones"]!.ToJsonString(), (await client.GetContactAsync(contact.Id()))["phones"]!.ToJsonString());

    private static (string, string, string) Phone(System.Text.Json.Nodes.JsonNode contact, int index) =>
        (contact.Phones()[index]!.Id(), contact.Phones()[index]!.Str("number"), contact.Phones()[index]!.Str("label"));
}
