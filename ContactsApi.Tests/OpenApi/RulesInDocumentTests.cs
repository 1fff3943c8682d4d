using System.Text.Json.Nodes;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Tests.Security;
using ContactsApi.Users;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.OpenApi;

/// <summary>The request validators' rules, as the OpenAPI document states them: read from the validators, never copied.</summary>
public sealed class RulesInDocumentTests(FuzzFactory factory) : IClassFixture<FuzzFactory>
{
    [Fact]
    public void Every_rule_on_a_request_field_is_one_the_document_states()
    {
        var validators = typeof(Program).Assembly.GetTypes()
            .Select(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>) ? b.GetGenericArguments()[0] : null)
            .OfType<Type>().Distinct()
            .Select(model => (IValidator)factory.Services.GetRequiredService(typeof(IValidator<>).MakeGenericType(model)))
            .ToArray();

        var unstated = validators
            .SelectMany(v => v.CreateDescriptor().Rules.Where(r => r.PropertyName is not null)
                .SelectMany(r => r.Components.Select(c => (Validator: v.GetType().Name, Field: r.PropertyName, Rule: c.Validator))))
            .Where(r => !RulesInDocument.Describes(r.Rule))
            .Select(r => $"{r.Validator}: {r.Field} has a {r.Rule.Name} the document can't state; use a rule of Validation.cs or an IDocumentedRule")
            .ToArray();

        Assert.True(validators.Length >= 10, $"only {validators.Length} validators found");
        Assert.Empty(unstated);
    }

    [Fact]
    public async Task Request_bodies_state_required_fields_lengths_patterns_formats_and_allowed_values()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        var contact = schemas["CreateContactRequest"]!;
        var name = contact["properties"]!["name"]!;
        var email = contact["properties"]!["email"]!;

        Assert.Equal(["email", "name"], contact["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal((1, 100), (name["minLength"]!.GetValue<int>(), name["maxLength"]!.GetValue<int>()));
        Assert.Null(name["nullable"]);
        Assert.Equal(("email", EmailAddress.MaxLength), (email["format"]!.GetValue<string>(), email["maxLength"]!.GetValue<int>()));
        Assert.Equal(PhoneRules.MaxPhones, contact["properties"]!["phones"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(DocumentedPattern.Of(PhoneRules.Number()), schemas["PhoneRequest"]!["properties"]!["number"]!["pattern"]!.GetValue<string>());
        Assert.Equal(["label", "number"], schemas["PhoneRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal(Subscriptions.All, Values(schemas["SubscriptionRequest"]!["properties"]!["subscription"]!["enum"]));
        Assert.Equal(Subscriptions.All, Values(schemas["UpdateUserRequest"]!["properties"]!["subscription"]!["enum"]));
        Assert.Equal(["favorite"], Values(schemas["FavoriteRequest"]!["required"]));
        // As JSON Schema reads it: ECMA-262 has no \z, and its $ means what .NET's \z does.
        var password = schemas["RegisterRequest"]!["properties"]!["password"]!["pattern"]!.GetValue<string>();
        Assert.Equal(PasswordPolicy.Pattern().ToString()[..^2] + "$", password);
        Assert.Equal("Chaim Lewise", name["example"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_parameters_state_their_types_ranges_and_allowed_values()
    {
        var document = await DocumentAsync();
        var contacts = Parameters(document, "/api/contacts", "get");
        var users = Parameters(document, "/users", "get");

        Assert.Equal(ContactListParameters.SortKeys, Values(contacts["sort"]["enum"]));
        Assert.Equal(["asc", "desc"], Values(contacts["order"]["enum"]));
        Assert.Equal(["true", "false"], Values(contacts["favorite"]["enum"]));
        Assert.Equal(("integer", 1, 100), (contacts["limit"]["type"]!.GetValue<string>(), contacts["limit"]["minimum"]!.GetValue<int>(), contacts["limit"]["maximum"]!.GetValue<int>()));
        Assert.Equal("integer", contacts["page"]["type"]!.GetValue<string>());
        Assert.Equal(["contacts"], Values(users["include"]["enum"]));
        Assert.Equal(["contacts"], Values(Parameters(document, "/users/{id}", "get")["include"]["enum"]));
        Assert.Equal(["id", "include"], Parameters(document, "/users/{id}", "get").Keys.Order());
    }

    [Fact]
    public async Task Every_id_in_a_path_and_every_id_field_states_the_ObjectId_pattern()
    {
        var document = await DocumentAsync();
        var pathIds = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().SelectMany(o => o.Value!["parameters"]?.AsArray() ?? []))
            .Where(p => p!["in"]!.GetValue<string>() == "path").ToArray();
        var idFields = document["components"]!["schemas"]!.AsObject()
            .Select(s => s.Value!["properties"]?["_id"]).OfType<JsonNode>().ToArray();

        Assert.True(pathIds.Length >= 10, $"only {pathIds.Length} path parameters");
        Assert.All(pathIds, p => Assert.Equal(ObjectIds.Pattern, p!["schema"]!["pattern"]!.GetValue<string>()));
        Assert.True(idFields.Length >= 3, $"only {idFields.Length} _id fields");
        Assert.All(idFields, f => Assert.Equal(ObjectIds.Pattern, f["pattern"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_operation_has_a_unique_camel_case_operationId_and_every_body_is_required()
    {
        var operations = (await DocumentAsync())["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!)).ToArray();
        var ids = operations.Select(o => o["operationId"]?.GetValue<string>()).ToArray();

        Assert.All(ids, id => Assert.Matches("^[a-z][A-Za-z]+$", id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Contains("listContacts", ids);
        Assert.Contains("addPhone", ids);
        Assert.All(operations.Select(o => o["requestBody"]).OfType<JsonNode>(), body => Assert.True(body["required"]!.GetValue<bool>()));
    }

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

    private static Dictionary<string, JsonNode> Parameters(JsonNode document, string path, string method) =>
        document["paths"]![path]![method]!["parameters"]!.AsArray()
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["schema"]!);

    private static string[] Values(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
}
