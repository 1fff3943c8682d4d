using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

public sealed class CreateContactTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task A_phone_alone_becomes_the_first_entry_labelled_mobile()
    {
        var client = await factory.LoggedInClientAsync();

        var contact = await client.CreateContactAsync(new { name = "  Chaim Lewise ", email = "is@n.net", phone = " +38(099)212-5453 " });

        Assert.Equal("Chaim Lewise", contact.Str("name"));
        Assert.Equal("is@n.net", contact.Str("email"));
        Assert.Equal("+38(099)212-5453", contact.Str("phone"));
        var phone = Assert.Single(contact.Phones())!;
        Assert.Equal("+38(099)212-5453", phone.Str("number"));
        Assert.Equal("mobile", phone.Str("label"));
        Assert.Matches("^[0-9a-f]{24}$", phone.Id());
        Assert.False(contact["favorite"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_response_carries_the_owner_id_and_millisecond_utc_timestamps()
    {
        var client = await factory.LoggedInClientAsync();
        var ownerEmail = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/users/current"))!.Str("email");

        var response = await client.PostAsJsonAsync("/api/contacts", new { name = "A", email = "a@b.co", phone = "123", favorite = true });
        var contact = await response.AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/contacts/{contact.Id()}", response.Headers.Location?.OriginalString);
        Assert.Matches("^[0-9a-f]{24}$", contact.Id());
        Assert.Matches("^[0-9a-f]{24}$", contact.Str("owner"));
        Assert.NotEqual(ownerEmail, contact.Str("owner"));
        Assert.Matches(ContactCalls.TimestampPattern, contact.Str("createdAt"));
        Assert.Equal(contact.Str("createdAt"), contact.Str("updatedAt"));
        Assert.True(contact["favorite"]!.GetValue<bool>());
        Assert.Equal(["_id", "name", "email", "phone", "phones", "favorite", "emails", "organization", "title", "birthday", "notes", "addresses",
            "hasPhoto", "owner", "createdAt", "updatedAt"],
            contact.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Phones_give_every_entry_its_own_id_and_label()
    {
        var client = await factory.LoggedInClientAsync();

        var contact = await client.CreateContactAsync(new
        {
            name = "Two Numbers", email = "two@n.net",
            phones = new[] { new { number = "+38(099)212-5453", label = "mobile" }, new { number = "(294) 840-6685", label = " work " } },
        });

        Assert.Equal("+38(099)212-5453", contact.Str("phone"));
        var phones = contact.Phones();
        Assert.Equal(2, phones.Count);
        Assert.Equal(("(294) 840-6685", "work"), (phones[1]!.Str("number"), phones[1]!.Str("label")));
        Assert.NotEqual(phones[0]!.Id(), phones[1]!.Id());
    }

    [Fact]
    public async Task Phone_and_phones_together_must_agree_on_the_first_number()
    {
        var client = await factory.LoggedInClientAsync();
        var phones = new[] { new { number = "111-222", label = "home" }, new { number = "333-444", label = "work" } };

        var agreed = await client.CreateContactAsync(new { name = "N", email = "n@n.net", phone = "111-222", phones });
        Assert.Equal("home", agreed.Phones()[0]!.Str("label"));

        await (await client.PostAsJsonAsync("/api/contacts", new { name = "N", email = "n@n.net", phone = "333-444", phones }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "\"phone\" must equal the number of the first entry of \"phones\"");
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"name":"N","email":"n@n.net"}""", "\"phone\" is required" },
        { """{"email":"n@n.net","phone":"123"}""", "\"name\" is required" },
        { """{"name":"N","phone":"123"}""", "\"email\" is required" },
        { """{"name":"N","email":"not-an-email","phone":"123"}""", "\"email\" must be a valid email" },
        { """{"name":"N","email":"n@localhost","phone":"123"}""", "\"email\" must be a valid email" },
        { $$"""{"name":" {{new string('x', 101)}} ","email":"n@n.net","phone":"123"}""", "\"name\" must be 1 to 100 characters long" },
        { """{"name":"   ","email":"n@n.net","phone":"123"}""", "\"name\" must be 1 to 100 characters long" },
        { """{"name":"N","email":"n@n.net","phone":"12"}""", NumberMessage("phone") },
        { """{"name":"N","email":"n@n.net","phone":"+(1)-"}""", NumberMessage("phone") },
        { """{"name":"N","email":"n@n.net","phone":"12a45"}""", NumberMessage("phone") },
        { $$"""{"name":"N","email":"n@n.net","phone":"{{new string('1', 33)}}"}""", NumberMessage("phone") },
        { """{"name":"N","email":"n@n.net","phones":[]}""", "\"phones\" must hold 1 to 20 numbers" },
        { $$"""{"name":"N","email":"n@n.net","phones":[{{string.Join(',', Enumerable.Repeat("""{"number":"123","label":"x"}""", 21))}}]}""",
            "\"phones\" must hold 1 to 20 numbers" },
        { """{"name":"N","email":"n@n.net","phones":[{"number":"123","label":"x"},{"number":"1x3","label":"x"}]}""", NumberMessage("phones[1].number") },
        { """{"name":"N","email":"n@n.net","phones":[{"number":"123"}]}""", "\"phones[0].label\" is required" },
        { """{"name":"N","email":"n@n.net","phones":[{"label":"home"}]}""", "\"phones[0].number\" is required" },
        { """{"name":"N","email":"n@n.net","phones":[{"number":"123","label":"  "}]}""", "\"phones[0].label\" must be 1 to 32 characters long" },
        { $$"""{"name":"N","email":"n@n.net","phones":[{"number":"123","label":"{{new string('l', 33)}}"}]}""",
            "\"phones[0].label\" must be 1 to 32 characters long" },
        { """{"name":"N","email":"n@n.net","phone":"123","x":1}""", "\"x\" is not allowed" },
        { """{"name":"N","email":"n@n.net","phone":"123","owner":"63a4f6ada59c271a98adff3e"}""", "\"owner\" is not allowed" },
        { """{"name":"N","email":"n@n.net","phone":"123","_id":"63a4f6ada59c271a98adff3e"}""", "\"_id\" is not allowed" },
        { """{"name":"N","email":"n@n.net","phone":"123","createdAt":"2022-12-23T02:29:58.278Z"}""", "\"createdAt\" is not allowed" },
        { """{"name":"N","email":"n@n.net","phone":"123","updatedAt":"2022-12-23T02:29:58.278Z"}""", "\"updatedAt\" is not allowed" },
        { """{"name":"N","email":"n@n.net","phones":[{"number":"123","label":"x","_id":"63a4f6ada59c271a98adff3e"}]}""",
            "\"phones[0]._id\" is not allowed" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_contact_is_refused_with_the_contract_message(string body, string message)
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.PostJsonAsync("/api/contacts", body)).AssertErrorAsync(HttpStatusCode.BadRequest, message);

        Assert.Equal(0, (await client.ListAsync())["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Twenty_phones_and_a_hundred_character_name_are_accepted()
    {
        var client = await factory.LoggedInClientAsync();
        var name = new string('n', 100);

        var contact = await client.CreateContactAsync(new
        {
            name = " " + name + " ", email = "n@n.net",
            phones = Enumerable.Range(0, 20).Select(i => new { number = $"+1 (555) 000-{i:D4}", label = new string('l', 32) }),
        });

        Assert.Equal(name, contact.Str("name"));
        Assert.Equal(20, contact.Phones().Count);
    }

    [Fact]
    public async Task Creating_a_contact_needs_a_token()
    {
        await (await factory.CreateClient().PostAsJsonAsync("/api/contacts", new { name = "N", email = "n@n.net", phone = "123" }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    private static string NumberMessage(string field) =>
        $"\"{field}\" must be 3 to 32 characters of digits, spaces and + - ( ) . with at least 3 digits";
}
