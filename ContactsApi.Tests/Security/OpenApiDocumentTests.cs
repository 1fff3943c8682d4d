using System.Net;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Security;

public sealed class OpenApiDocumentTests(FuzzFactory factory) : IClassFixture<FuzzFactory>
{
    [Fact]
    public async Task Only_operations_behind_a_token_declare_the_bearer_requirement_and_401()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key} {p.Key}", Node: o.Value!)))
            .ToDictionary(o => o.Name, o => o.Node);

        // An empty requirement: stated as open, not left to be guessed.
        foreach (var open in new[] { "post /api/users/register", "post /api/users/login", "get /health" })
            Assert.Empty(operations[open]["security"]!.AsArray());
        Assert.Null(operations["post /api/users/register"]["responses"]!["401"]);
        Assert.Null(operations["get /health"]["responses"]!["401"]);
        foreach (var guarded in new[] { "get /api/contacts", "post /api/users/logout", "get /api/users/current" })
        {
            Assert.NotNull(operations[guarded]["security"]);
            Assert.NotNull(operations[guarded]["responses"]!["401"]);
        }
        Assert.NotNull(operations["post /api/users/login"]["responses"]!["429"]);
        Assert.Null(operations["get /api/contacts"]["responses"]!["429"]);
        Assert.NotNull(operations["post /api/contacts"]["responses"]!["429"]);
        Assert.NotNull(operations["delete /api/contacts/{id}"]["responses"]!["429"]);
        Assert.Null(operations["get /api/contacts"]["responses"]!["500"]);
        Assert.Null(document["components"]!["schemas"]!["UpdateContactRequest"]!["properties"]!["isEmpty"]);
    }

    [Fact]
    public async Task Every_error_response_is_declared_as_a_problem_and_only_that()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var errors = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().SelectMany(o => o.Value!["responses"]!.AsObject()
                .Where(r => r.Key[0] is '4' or '5')
                .Select(r => (Name: $"{o.Key} {p.Key} {r.Key}", MediaTypes: r.Value!["content"]?.AsObject().Select(c => c.Key).ToArray() ?? []))))
            .ToArray();

        Assert.True(errors.Length > 50, $"only {errors.Length} error responses declared");
        // The health check's 503 is its status report, {"status":"unavailable"}, not an error.
        Assert.All(errors.Where(e => e.Name != "get /health 503"), e => Assert.True(e.MediaTypes is ["application/problem+json"], $"{e.Name}: {string.Join(", ", e.MediaTypes)}"));
    }

    [Fact]
    public async Task Every_body_but_the_upload_is_declared_as_application_json_only()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var bodies = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Value!["requestBody"] is not null)
                .Select(o => (Name: $"{o.Key} {p.Key}", MediaTypes: o.Value!["requestBody"]!["content"]!.AsObject().Select(c => c.Key).ToArray())))
            .ToArray();

        var uploads = new[] { "patch /api/users/avatars", "post /api/contacts/import" };
        Assert.Equal(["multipart/form-data"], bodies.Single(b => b.Name == uploads[0]).MediaTypes);
        Assert.Equal(["text/vcard", "multipart/form-data"], bodies.Single(b => b.Name == uploads[1]).MediaTypes);
        Assert.All(bodies.Where(b => !uploads.Contains(b.Name)), b => Assert.True(b.MediaTypes is ["application/json"], $"{b.Name}: {string.Join(", ", b.MediaTypes)}"));
    }

    [Fact]
    public async Task A_contact_update_refuses_isEmpty_as_an_unknown_field()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await (await client.PostJsonAsync("/api/contacts", """{"name":"A","email":"a@example.com","phone":"+1 555 0100"}"""))
            .AssertJsonAsync(HttpStatusCode.Created))["_id"]!.GetValue<string>();

        await (await client.PutJsonAsync($"/api/contacts/{id}", """{"isEmpty":false}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "\"isEmpty\" is not allowed");
    }
}
