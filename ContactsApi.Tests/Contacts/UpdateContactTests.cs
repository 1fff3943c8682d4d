using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

public sealed class UpdateContactTests(ClockedContactsApiFactory factory) : IClassFixture<ClockedContactsApiFactory>
{
    private static readonly object TwoPhones = new
    {
        name = "Chaim Lewise", email = "is@n.net", favorite = true,
        phones = new[] { new { number = "+38(099)212-5453", label = "home" }, new { number = "(294) 840-6685", label = "work" } },
    };

    [Fact]
    public async Task An_empty_update_is_missing_fields()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync()).Id();

        await (await client.PutJsonAsync($"/api/contacts/{id}", "{}")).AssertErrorAsync(HttpStatusCode.BadRequest, "missing fields");
    }

    [Fact]
    public async Task A_name_alone_changes_only_the_name_and_updatedAt()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync(TwoPhones);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var after = await (await client.PutJsonAsync($"/api/contacts/{before.Id()}", """{"name":"  New Name "}"""))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("New Name", after.Str("name"));
        foreach (var field in new[] { "_id", "email", "phone", "owner", "createdAt" }) Assert.Equal(before.Str(field), after.Str(field));
        Assert.Equal(before["phones"]!.ToJsonString(), after["phones"]!.ToJsonString());
        Assert.True(after["favorite"]!.GetValue<bool>());
        Assert.Matches(ContactCalls.TimestampPattern, after.Str("updatedAt"));
        Assert.Equal(DateTime.Parse(before.Str("updatedAt")).AddSeconds(5), DateTime.Parse(after.Str("updatedAt")), TimeSpan.FromSeconds(2));
        var stored = await client.GetContactAsync(before.Id());
        Assert.Equal((after.Str("name"), after.Str("updatedAt"), before.Str("createdAt")),
            (stored.Str("name"), stored.Str("updatedAt"), stored.Str("createdAt")));
    }

    [Fact]
    public async Task A_phone_alone_changes_the_first_number_keeping_its_id_and_label()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync(TwoPhones);

        var after = await (await client.PutJsonAsync($"/api/contacts/{before.Id()}", """{"phone":"050 111 22 33"}"""))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("050 111 22 33", after.Str("phone"));
        var (oldPhones, newPhones) = (before.Phones(), after.Phones());
        Assert.Equal(2, newPhones.Count);
        Assert.Equal((oldPhones[0]!.Id(), "050 111 22 33", "home"), (newPhones[0]!.Id(), newPhones[0]!.Str("number"), newPhones[0]!.Str("label")));
        Assert.Equal(oldPhones[1]!.ToJsonString(), newPhones[1]!.ToJsonString());
        Assert.Equal(before.Str("createdAt"), after.Str("createdAt"));
    }

    [Fact]
    public async Task Phones_replace_the_whole_list()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync(TwoPhones);

        var after = await (await client.PutJsonAsync($"/api/contacts/{before.Id()}",
            """{"phones":[{"number":"777-888","label":"other"}],"favorite":false,"email":"new@n.net"}""")).AssertJsonAsync(HttpStatusCode.OK);

        var phone = Assert.Single(after.Phones())!;
        Assert.Equal(("777-888", "other"), (phone.Str("number"), phone.Str("label")));
        Assert.DoesNotContain(before.Phones(), p => p!.Id() == phone.Id());
        Assert.Equal("777-888", after.Str("phone"));
        Assert.Equal("new@n.net", after.Str("email"));
        Assert.False(after["favorite"]!.GetValue<bool>());
        Assert.Equal(before.Str("name"), after.Str("name"));
    }

    public static TheoryData<string, string> InvalidUpdates => new()
    {
        { """{"name":"   "}""", "\"name\" must be 1 to 100 characters long" },
        { $$"""{"name":"{{new string('x', 101)}}"}""", "\"name\" must be 1 to 100 characters long" },
        { """{"email":"nope"}""", "\"email\" must be a valid email" },
        { """{"phone":"12"}""", "\"phone\" must be 3 to 32 characters of digits, spaces and + - ( ) . with at least 3 digits" },
        { """{"phones":[]}""", "\"phones\" must hold 1 to 20 numbers" },
        { """{"phone":"999","phones":[{"number":"123","label":"x"}]}""", "\"phone\" must equal the number of the first entry of \"phones\"" },
        { """{"favorite":"yes"}""", "\"favorite\" must be a boolean" },
        { """{"name":null}""", "\"name\" must be a string" },
        { """{"owner":"63a4f6ada59c271a98adff3e"}""", "\"owner\" is not allowed" },
        { """{"createdAt":"2022-12-23T02:29:58.278Z"}""", "\"createdAt\" is not allowed" },
    };

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task An_invalid_update_is_refused_and_changes_nothing(string body, string message)
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync(TwoPhones);

        await (await client.PutJsonAsync($"/api/contacts/{before.Id()}", body)).AssertErrorAsync(HttpStatusCode.BadRequest, message);

        var stored = await client.GetContactAsync(before.Id());
        foreach (var field in new[] { "name", "email", "phone", "createdAt", "updatedAt" }) Assert.Equal(before.Str(field), stored.Str(field));
    }

    [Fact]
    public async Task Favorite_is_set_and_updatedAt_moves_while_createdAt_stays()
    {
        var client = await factory.LoggedInClientAsync();
        var before = await client.CreateContactAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var after = await (await client.PatchJsonAsync($"/api/contacts/{before.Id()}/favorite", """{"favorite":true}"""))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(after["favorite"]!.GetValue<bool>());
        Assert.Equal(before.Str("owner"), after.Str("owner"));
        Assert.Equal(before.Str("createdAt"), after.Str("createdAt"));
        Assert.True(DateTime.Parse(after.Str("updatedAt")) > DateTime.Parse(before.Str("updatedAt")));
        Assert.True((await client.GetContactAsync(before.Id()))["favorite"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{}", "Missing field favorite")]
    [InlineData("""{"favorite":"yes"}""", "\"favorite\" must be a boolean")]
    [InlineData("""{"favorite":1}""", "\"favorite\" must be a boolean")]
    [InlineData("""{"favorite":true,"name":"N"}""", "\"name\" is not allowed")]
    public async Task An_invalid_favorite_body_is_refused(string body, string message)
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync()).Id();

        await (await client.PatchJsonAsync($"/api/contacts/{id}/favorite", body)).AssertErrorAsync(HttpStatusCode.BadRequest, message);

        Assert.False((await client.GetContactAsync(id))["favorite"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Updating_an_unknown_contact_is_not_found()
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.PutJsonAsync("/api/contacts/63aac14a3ca32c25b4470065", """{"name":"N"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.PatchJsonAsync("/api/contacts/63aac14a3ca32c25b4470065/favorite", """{"favorite":true}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }
}
