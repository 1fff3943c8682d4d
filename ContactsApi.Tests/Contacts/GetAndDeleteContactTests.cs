using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

public sealed class GetAndDeleteContactTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Get_shows_the_owner_as_email_and_subscription()
    {
        var email = ContactsApiFactory.NewEmail();
        var client = await factory.LoggedInClientAsync(email);
        var created = await client.CreateContactAsync(favorite: true);

        var contact = await client.GetContactAsync(created.Id());

        Assert.Equal(email, contact["owner"]!.Str("email"));
        Assert.Equal("starter", contact["owner"]!.Str("subscription"));
        Assert.Equal(2, contact["owner"]!.AsObject().Count);
        foreach (var field in new[] { "_id", "name", "email", "phone", "createdAt", "updatedAt" })
            Assert.Equal(created.Str(field), contact.Str(field));
        Assert.True(contact["favorite"]!.GetValue<bool>());
        Assert.Equal(created["phones"]!.ToJsonString(), contact["phones"]!.ToJsonString());
    }

    [Theory]
    [InlineData("123")]
    [InlineData("63aac14a3ca32c25b447006")]
    [InlineData("63AAC14A3CA32C25B4470065")]
    [InlineData("63aac14a3ca32c25b447006z")]
    [InlineData(" ")]
    [InlineData("63aac14a3ca32c25b4470065 ")]
    public async Task A_malformed_id_is_the_specs_404(string id)
    {
        var client = await factory.LoggedInClientAsync();
        var message = $"\"_id\" with value \"{id}\" fails to match the valid mongo id pattern";
        id = Uri.EscapeDataString(id);

        await (await client.GetAsync($"/api/contacts/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, message);
        await (await client.PutJsonAsync($"/api/contacts/{id}", """{"name":"N"}""")).AssertErrorAsync(HttpStatusCode.NotFound, message);
        await (await client.DeleteAsync($"/api/contacts/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, message);
        await (await client.PatchJsonAsync($"/api/contacts/{id}/favorite", """{"favorite":true}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, message);
        await (await client.PostJsonAsync($"/api/contacts/{id}/phones", """{"number":"123","label":"home"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, message);
    }

    [Fact]
    public async Task A_well_formed_unknown_id_is_not_found()
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.GetAsync("/api/contacts/63aac14a3ca32c25b4470065")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.DeleteAsync("/api/contacts/63aac14a3ca32c25b4470065")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task Delete_answers_the_specs_json_string_and_the_contact_is_gone()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync()).Id();
        var kept = (await client.CreateContactAsync(name: "Kept")).Id();

        var response = await client.DeleteAsync($"/api/contacts/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"Contact by 'Id' - '{id}' deleted\"", await response.Content.ReadAsStringAsync());
        await (await client.GetAsync($"/api/contacts/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await client.DeleteAsync($"/api/contacts/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        Assert.Equal([kept], (await client.ListAsync()).Ids());
    }
}
