using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Admin;

public sealed class UserReadTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    [Fact]
    public async Task An_admin_reads_one_user()
    {
        var admin = await factory.AdminClientAsync();
        var (id, email, user) = await factory.NewUserAsync();
        await AdminApiFactory.AddContactAsync(user, "Ann");

        var body = await (await admin.GetAsync($"/users/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(body["success"]!.GetValue<bool>());
        var data = body["data"]!.AsObject();
        Assert.Equal(["_id", "name", "email", "subscription", "is_active", "is_admin", "avatarURL", "createdAt"], data.Select(p => p.Key));
        Assert.Equal(id, data["_id"]!.GetValue<string>());
        Assert.Equal(email, data["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_reads_one_user_with_all_their_contacts_and_numbers()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, user) = await factory.NewUserAsync();
        var bea = await AdminApiFactory.AddContactAsync(user, "Bea");
        var ann = await AdminApiFactory.AddContactAsync(user, "Ann");
        var (_, _, other) = await factory.NewUserAsync();
        await AdminApiFactory.AddContactAsync(other, "Cas");

        var body = await (await admin.GetAsync($"/users/{id}?include=contacts")).AssertJsonAsync(HttpStatusCode.OK);

        var contacts = body["data"]!["contacts"]!.AsArray();
        Assert.Equal([ann, bea], contacts.Select(c => c!["_id"]!.GetValue<string>()));
        var first = contacts[0]!.AsObject();
        Assert.Equal(["_id", "name", "email", "phone", "phones", "favorite", "emails", "organization", "title", "birthday", "notes", "addresses",
            "hasPhoto", "owner", "createdAt", "updatedAt"], first.Select(p => p.Key));
        Assert.Equal(id, first["owner"]!.GetValue<string>());
        Assert.Equal(2, first["phones"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_malformed_id_is_not_found_with_the_specs_text()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.GetAsync("/users/not-an-id")).AssertErrorAsync(HttpStatusCode.NotFound,
            "\"_id\" with value \"not-an-id\" fails to match the valid mongo id pattern");
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.GetAsync("/users/63a4f6ada59c271a98adff3e")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Theory]
    [InlineData("include=phones", "\"include\" must be one of [contacts]")]
    [InlineData("include=", "\"include\" must be one of [contacts]")]
    [InlineData("limit=5", "\"limit\" is not allowed")]
    public async Task A_bad_query_parameter_on_one_user_is_refused_by_name(string query, string message)
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, _) = await factory.NewUserAsync();

        await (await admin.GetAsync($"/users/{id}?{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }
}
