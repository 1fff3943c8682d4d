using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Admin;
using ContactsApi.Tests.Contacts;

namespace ContactsApi.Tests.Common;

public enum Caller { Anyone, User, Admin }

/// <summary>
/// An endpoint that reads a JSON body: how to call it, a body it accepts, and its fields by JSON kind.
/// <see cref="Texts"/> are the free-text fields a person reads (paths into <see cref="ValidBody"/>);
/// <see cref="Lines"/> those of them that may hold line feeds (a note, a street).
/// </summary>
public sealed record BodyEndpoint(
    string Method, string Path, Caller Caller, string ValidBody,
    string[] Strings, string[] Booleans, string[] Lists, string[] Texts)
{
    public string[] Lines { get; init; } = [];

    public static readonly BodyEndpoint[] All =
    [
        new("POST", "/api/users/register", Caller.Anyone, """{"email":"body@example.com","password":"exA7$mpless","name":"Ann"}""",
            ["email", "password", "name"], [], [], ["name"]),
        new("POST", "/api/users/login", Caller.Anyone, """{"email":"body@example.com","password":"exA7$mpless"}""",
            ["email", "password"], [], [], []),
        new("PATCH", "/api/users", Caller.User, """{"subscription":"pro"}""", ["subscription"], [], [], []),
        new("POST", "/api/users/app-passwords", Caller.User, """{"name":"Ann's iPhone"}""", ["name"], [], [], ["name"]),
        new("POST", "/api/contacts", Caller.User, """{"name":"Ann","email":"ann@example.com","phones":[{"number":"123","label":"home"}],"favorite":true,""" + CardFields,
            ["name", "email", "phone", .. CardStrings], ["favorite"], ["phones"], ["name", "phones[0].label", .. CardTexts]) { Lines = CardLines },
        new("PUT", "/api/contacts/{id}", Caller.User, """{"name":"Ann","phones":[{"number":"123","label":"home"}],""" + CardFields,
            ["name", "email", "phone", .. CardStrings], ["favorite"], ["phones"], ["name", "phones[0].label", .. CardTexts]) { Lines = CardLines },
        new("PATCH", "/api/contacts/{id}/favorite", Caller.User, """{"favorite":true}""", [], ["favorite"], [], []),
        new("POST", "/api/contacts/{id}/phones", Caller.User, """{"number":"123","label":"home"}""", ["number", "label"], [], [], ["label"]),
        new("PUT", "/api/contacts/{id}/phones/{phoneId}", Caller.User, """{"label":"home"}""", ["number", "label"], [], [], ["label"]),
        // An undo to the moment the table is made: within the retention, and behind the service's clock.
        new("POST", "/api/contacts/undo", Caller.User, $$"""{"to":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}"}""", ["to"], [], [], []),
        new("POST", "/users", Caller.Admin, """{"name":"Ann","email":"body@example.com","password":"exA7$mpless"}""",
            ["name", "email", "password"], [], [], ["name"]),
        new("PUT", "/users/{id}", Caller.Admin, """{"name":"Ann"}""",
            ["name", "email", "password", "subscription"], ["is_active", "is_admin"], [], ["name"]),
    ];

    // The whole card's fields of a contact, in its create and update bodies.
    private const string CardFields = """
        "emails":[{"address":"ann@example.com","label":"home"}],"organization":"Acme","title":"Boss","birthday":"--04-12","notes":"Line",
        "addresses":[{"label":"home","street":"1 Main St","city":"Kyiv","region":"","postcode":"01001","country":"Ukraine"}]}
        """;
    private static string[] CardStrings => ["organization", "title", "birthday", "notes"];
    private static string[] CardTexts => ["organization", "title", "emails[0].label", "addresses[0].label", "addresses[0].city", "addresses[0].country"];
    private static string[] CardLines => ["notes", "addresses[0].street"];

    public static BodyEndpoint Named(string name) => All.Single(e => e.ToString() == name);

    public override string ToString() => $"{Method} {Path}";

    /// <summary>The valid body with the field at <paramref name="path"/> (<c>phones[0].label</c>) set to <paramref name="value"/>.</summary>
    public string With(string path, string value)
    {
        var body = JsonNode.Parse(ValidBody)!;
        var parts = path.Replace("]", "").Split('.', '[');
        var parent = parts[..^1].Aggregate(body, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        parent[parts[^1]] = value;
        return body.ToJsonString();
    }
}

/// <summary>
/// The service on Kestrel (only a real server stops a chunked body at the limit), with a user who has
/// a contact with two phones, and an admin: every endpoint of <see cref="BodyEndpoint.All"/> can be called.
/// </summary>
public sealed class BodyEndpointsFactory : AdminApiFactory
{
    private readonly Lazy<Task<World>> _world;

    public BodyEndpointsFactory()
    {
        UseKestrel(0);
        _world = new(async () =>
        {
            var (userId, _, user) = await NewUserAsync();
            var contact = await user.CreateContactAsync(new
            {
                name = "Body", email = "body@example.com",
                phones = new[] { new { number = "+1 555 0100", label = "mobile" }, new { number = "+1 555 0101", label = "work" } },
            });
            return new World(user, await AdminClientAsync(), userId, contact.Id(), contact.Phones()[0]!.Id());
        });
    }

    /// <summary>A client allowed to call <paramref name="endpoint"/>, and its URL with live ids.</summary>
    public async Task<(HttpClient Client, string Url)> TargetAsync(BodyEndpoint endpoint)
    {
        var world = await _world.Value;
        var client = endpoint.Caller switch { Caller.User => world.User, Caller.Admin => world.Admin, _ => CreateClient() };
        var id = endpoint.Path.StartsWith("/users") ? world.UserId : world.ContactId;
        return (client, endpoint.Path.Replace("{id}", id).Replace("{phoneId}", world.PhoneId));
    }

    /// <summary>Every user with every contact, as an admin reads them: what a refused request must leave unchanged.</summary>
    public async Task<string> EverythingAsync() =>
        await (await _world.Value).Admin.GetStringAsync("/users?limit=100&include=contacts");

    private sealed record World(HttpClient User, HttpClient Admin, string UserId, string ContactId, string PhoneId);
}
