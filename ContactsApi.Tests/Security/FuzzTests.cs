using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Admin;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Tests.Security.Fuzzing;
using ContactsApi.Users;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContactsApi.Tests.Security;

public sealed class FuzzFactory : ContactsApiFactory
{
    /// <summary>The fuzzing user: an admin, so the admin operations are fuzzed past their 403.</summary>
    public static readonly string AdminEmail = NewEmail("fuzz-admin");

    public FuzzFactory()
    {
        Settings["Swagger:Enabled"] = "true";
        // Ten thousand requests logged to the console would be most of the run time.
        Settings["Logging:LogLevel:Default"] = "Warning";
    }
}

/// <summary>
/// Walks the service's own OpenAPI document and holds every operation to it under generated input.
/// Operations added later are covered as soon as they are in the document. Set FUZZ_SEED to replay a run.
/// </summary>
public sealed class FuzzTests(FuzzFactory factory, ITestOutputHelper output) : IClassFixture<FuzzFactory>
{
    private const int Requests = 10_000;

    // Text that would mean an exception, a stack or a query escaped into a response.
    private static readonly string[] Leaks = ["Exception", "   at ", "SQLite", "sqlite_", "SELECT ", "INSERT INTO", "UPDATE users", "StackTrace", ".cs:line"];

    [Fact]
    public async Task Every_operation_answers_generated_requests_as_its_declaration_says()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var given) ? given : 20261121;
        output.WriteLine($"FUZZ_SEED={seed}");
        var random = new Random(seed);

        var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = Operation.All(document);
        Assert.True(operations.Count >= 10, $"the document lists only {operations.Count} operations");
        var schemas = new SchemaChecker(document);
        var state = new FuzzState { Email = FuzzFactory.AdminEmail, Password = ContactsApiFactory.Password };
        var authed = await factory.LoggedInClientAsync(state.Email);
        await factory.Services.GetRequiredService<IUserRepository>().SetAdminAsync(state.Email, true, DateTime.UtcNow);
        for (var i = 0; i < 3; i++) await CreateContactAsync(authed, state);
        var generator = new RequestGenerator(random, schemas, state);

        var failures = new List<string>();
        var statuses = new Dictionary<string, SortedDictionary<int, int>>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (; sent < Requests; sent++)
        {
            var operation = operations[sent % operations.Count];
            if (state.Contacts.Count < 3) await CreateContactAsync(authed, state);
            var request = generator.Build(operation, out var description);
            var withoutToken = operation.IsProtected && random.Next(10) == 0;
            var target = withoutToken ? client : authed;
            var text = $"#{sent} {operation} {request.RequestUri} ({description}{(withoutToken ? ", no token" : "")})";

            var (response, body) = await SendAsync(target, request);
            if (operation.IsProtected && !withoutToken && response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The token was revoked by a logout the fuzzing itself sent: sign in again and resend.
                authed.DefaultRequestHeaders.Authorization =
                    new AuthenticationHeaderValue("Bearer", await ContactsApiFactory.LoginAsync(client, state.Email));
                (response, body) = await SendAsync(authed, generator.Build(operation, out description));
                text += $" resent with a new token ({description})";
                if (response.StatusCode == HttpStatusCode.Unauthorized) failures.Add($"{text}: a fresh token got 401");
            }
            var status = (int)response.StatusCode;
            statuses.TryAdd(operation.ToString(), []);
            statuses[operation.ToString()][status] = statuses[operation.ToString()].GetValueOrDefault(status) + 1;

            foreach (var problem in Check(operation, response, body, schemas, withoutToken)) failures.Add($"{text}: {problem}");
            if (response.IsSuccessStatusCode) await FollowUpAsync(operation, operations, response, body, authed, state, failures, text);
            if (failures.Count > 20) break;
        }
        clock.Stop();

        output.WriteLine($"{sent} requests over {operations.Count} operations in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (operation, counts) in statuses)
            output.WriteLine($"  {operation}: {string.Join(", ", counts.Select(c => $"{c.Key}×{c.Value}"))}");
        Assert.True(failures.Count == 0, $"FUZZ_SEED={seed}\n" + string.Join("\n", failures));
        // Each operation must have succeeded at least once, or the fuzzing proves little.
        Assert.All(statuses, s => Assert.True(s.Value.Keys.Any(k => k < 300), $"{s.Key} never succeeded: {string.Join(",", s.Value.Keys)}"));
    }

    [Fact]
    public void The_schema_checker_reports_a_missing_required_field_a_wrong_type_and_an_undeclared_field()
    {
        var document = JsonNode.Parse("""
            {"components":{"schemas":{"Thing":{"type":"object","required":["id"],"additionalProperties":false,
              "properties":{"id":{"type":"string"},"count":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}}}}}}}
            """)!;
        var checker = new SchemaChecker(document);
        var reference = JsonNode.Parse("""{"$ref":"#/components/schemas/Thing"}""")!;

        Assert.Empty(checker.Check(JsonNode.Parse("""{"id":"a","count":2,"tags":["x"]}"""), reference));
        Assert.Equal(
            ["$: required \"id\" is missing", "$.count: \"two\" where an integer is declared", "$.tags[0]: Number where a string is declared", "$: \"extra\" is not declared"],
            checker.Check(JsonNode.Parse("""{"count":"two","tags":[1],"extra":true}"""), reference));
        Assert.Equal(["$: Array where an object is declared"], checker.Check(JsonNode.Parse("[]"), reference));
    }

    private static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> Check(Operation operation, HttpResponseMessage response, string body, SchemaChecker schemas, bool withoutToken)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) yield return $"answered {status}: {body}";
        if (withoutToken && status != 401) yield return $"answered {status} without a token, not 401";
        foreach (var leak in Leaks)
            if (body.Contains(leak, StringComparison.Ordinal)) yield return $"the body holds \"{leak}\": {Cut(body)}";

        var declared = operation.Response(status);
        if (declared is null)
        {
            yield return $"answered {status}, which the document does not declare: {Cut(body)}";
            yield break;
        }
        if (body.Length == 0) yield break;
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType is not ("application/json" or "application/problem+json"))
        {
            // A vCard, a photo: only where the document declares that type for that status.
            if (declared["content"]?[mediaType] is null) yield return $"a {status} body of type \"{mediaType}\", which the document does not declare";
            yield break;
        }
        JsonNode? json;
        try { json = JsonNode.Parse(body); }
        catch (System.Text.Json.JsonException) { json = null; }
        if (json is null)
        {
            yield return $"a {status} body that is not JSON: {Cut(body)}";
            yield break;
        }
        var content = declared["content"]?.AsObject();
        var schema = content?[mediaType]?["schema"] ?? content?.FirstOrDefault().Value?["schema"];
        if (schema is null)
        {
            yield return $"a {status} body where the document declares none";
            yield break;
        }
        foreach (var error in schemas.Check(json, schema)) yield return $"{status} body breaks its schema: {error}; {Cut(body)}";
    }

    /// <summary>Keeps the pool of live ids current, and checks that what a DELETE removed can't be read any more.</summary>
    private static async Task FollowUpAsync(Operation operation, List<Operation> operations, HttpResponseMessage response, string body,
        HttpClient authed, FuzzState state, List<string> failures, string text)
    {
        var json = body.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(body) : null;
        if (json is JsonObject contact && contact["_id"] is { } id && contact["phones"] is JsonArray phones)
            state.Contacts[id.GetValue<string>()] = phones.Select(p => p!["_id"]!.GetValue<string>()).ToList();
        else if (json is JsonObject other && operation.Collection != "/api/contacts")
            foreach (var record in new[] { other, other["data"] }.Concat(other["data"] as JsonArray ?? []).OfType<JsonObject>())
                // Never the fuzzing user's own record: deleting or deactivating it would end the run.
                if (record["_id"]?.GetValue<string>() is { } recordId && record["email"]?.GetValue<string>() != state.Email)
                {
                    var ids = state.Records.TryGetValue(operation.Collection, out var known) ? known : state.Records[operation.Collection] = [];
                    if (!ids.Contains(recordId)) ids.Add(recordId);
                }
        if (operation.Method != "DELETE") return;

        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        var deleted = Uri.UnescapeDataString(path.Split('/')[^1]);
        if (operation.Path == "/api/contacts/{id}" && state.Contacts.Remove(deleted) && response.IsSuccessStatusCode)
        {
            // In the trash now, for the trash's own operations to find.
            var trash = state.Records.TryGetValue("/api/contacts/trash", out var known) ? known : state.Records["/api/contacts/trash"] = [];
            trash.Add(deleted);
        }
        if (state.Records.TryGetValue(operation.Collection, out var pool)) pool.Remove(deleted);
        if (!operations.Any(o => o.Method == "GET" && o.Path == operation.Path)) return;
        // A DELETE of a collection (the trash) empties it: reading it again still answers, with nothing in it.
        if (!operation.Path.EndsWith('}'))
        {
            state.Records.Remove(operation.Path);
            return;
        }
        var again = await authed.GetAsync(path);
        if (again.StatusCode != HttpStatusCode.NotFound)
            failures.Add($"{text}: GET after DELETE answered {(int)again.StatusCode}, not 404");
    }

    /// <summary>A contact from a card with a photo, so that every operation on a contact, its photo's too, has one to succeed on.</summary>
    private static async Task CreateContactAsync(HttpClient authed, FuzzState state)
    {
        var name = $"Seed {Guid.NewGuid():N}";
        var card = $"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEMAIL:seed@example.com\r\nTEL;TYPE=CELL:+1 555 0100\r\nTEL;TYPE=WORK:+1 555 0101\r\n" +
                   $"PHOTO;ENCODING=b;TYPE=PNG:{RequestGenerator.OnePixelPngBase64}\r\nEND:VCARD\r\n";
        (await authed.PostAsync("/api/contacts/import", new StringContent(card, System.Text.Encoding.UTF8, "text/vcard"))).EnsureSuccessStatusCode();
        var body = (await authed.GetFromJsonAsync<JsonNode>($"/api/contacts?name={name}"))!["data"]![0]!;
        state.Contacts[body["_id"]!.GetValue<string>()] = body["phones"]!.AsArray().Select(p => p!["_id"]!.GetValue<string>()).ToList();
    }

    private static string Cut(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
