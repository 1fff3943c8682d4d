using System.Net;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Admin;

public sealed class AdminDocumentationTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    [Theory]
    // 413 and 503 (and 415 where there is a body) are declared for every operation by ApiDocumentation.
    [InlineData("/users", "get", "200 400 401 403 413 503")]
    [InlineData("/users", "post", "201 400 401 403 409 413 415 503")]
    [InlineData("/users/{id}", "get", "200 400 401 403 404 413 503")]
    [InlineData("/users/{id}", "put", "200 400 401 403 404 409 413 415 503")]
    [InlineData("/users/{id}", "delete", "200 400 401 403 404 413 503")]
    public async Task Swagger_documents_every_admin_endpoint_with_each_status_it_answers(string path, string method, string statuses)
    {
        var document = await (await factory.CreateClient().GetAsync("/swagger/v1/swagger.json")).AssertJsonAsync(HttpStatusCode.OK);

        var operation = document["paths"]![path]![method]!;
        Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()));
        Assert.Equal(["Admin"], operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(statuses.Split(' '), operation["responses"]!.AsObject().Select(r => r.Key).Order());
    }

    [Fact]
    public async Task Swagger_shows_the_user_fields_and_never_a_password_in_a_response()
    {
        var document = await (await factory.CreateClient().GetAsync("/swagger/v1/swagger.json")).AssertJsonAsync(HttpStatusCode.OK);

        var user = document["components"]!["schemas"]!["AdminUserResponse"]!["properties"]!.AsObject();
        Assert.Equal(["_id", "name", "email", "subscription", "is_active", "is_admin", "avatarURL", "createdAt", "contacts"],
            user.Select(p => p.Key));
        var update = document["components"]!["schemas"]!["UpdateUserRequest"]!["properties"]!.AsObject();
        Assert.Equal(["name", "email", "password", "subscription", "is_active", "is_admin"], update.Select(p => p.Key));
        Assert.IsType<JsonObject>(document["paths"]!["/users"]!["get"]!["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "include"));
    }
}
