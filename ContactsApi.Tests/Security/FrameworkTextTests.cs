using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Tests.Security.Fuzzing;

namespace ContactsApi.Tests.Security;

/// <summary>
/// No text of the framework's reaches a client: every operation of the OpenAPI document is sent the
/// requests that make a framework speak (malformed multipart, forms, broken JSON, bad ids and query
/// values, another method), and every error that comes back, the framework's own 404 and 405 too and
/// whatever the client accepts, is a problem with the contract's message.
/// </summary>
public sealed class FrameworkTextTests(FuzzFactory factory) : IClassFixture<FuzzFactory>
{
    // What ASP.NET Core's binders, formatters and System.Text.Json say in their own words.
    private static readonly string[] FrameworkPhrases =
    [
        "Failed to read", "request form", "boundary", "The JSON value", "could not be converted", "could not be mapped", "JSON property",
        "Path: $", "LineNumber", "BytePositionInLine", "One or more validation errors", "The field ", "field is required",
        "non-empty request body", "is not valid.", "is invalid", "Unexpected end", "Exception", "System.", "Microsoft.",
    ];

    [Fact]
    public async Task Every_error_any_operation_answers_is_a_problem_in_the_contracts_words()
    {
        var client = await factory.LoggedInClientAsync(FuzzFactory.AdminEmail);
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var failures = new List<string>();
        var errors = 0;

        foreach (var operation in Operation.All(document))
            foreach (var request in Odd(operation, document))
            {
                var text = $"{request.Method} {request.RequestUri} ({request.Content?.Headers.ContentType})";
                var response = await client.SendAsync(request);
                if ((int)response.StatusCode < 400) continue;
                errors++;
                var body = await response.Content.ReadAsStringAsync();
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{text}: {(int)response.StatusCode} as {response.Content.Headers.ContentType}: {body}");
                else if (JsonNode.Parse(body)?["message"]?.GetValue<string>() is not { Length: > 0 })
                    failures.Add($"{text}: {(int)response.StatusCode} without a message: {body}");
                foreach (var phrase in FrameworkPhrases.Where(p => body.Contains(p, StringComparison.Ordinal)))
                    failures.Add($"{text}: {(int)response.StatusCode} says \"{phrase}\": {body}");
            }

        Assert.True(errors > 100, $"only {errors} errors came back: the requests are not reaching the checks");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound, "Not Found")]
    [InlineData("GET", "/api/contacts/63aac14a3ca32c25b4470065/nothing", HttpStatusCode.NotFound, "Not Found")]
    [InlineData("DELETE", "/api/users/register", HttpStatusCode.MethodNotAllowed, "Method Not Allowed")]
    [InlineData("PUT", "/api/contacts", HttpStatusCode.MethodNotAllowed, "Method Not Allowed")]
    [InlineData("POST", "/health", HttpStatusCode.MethodNotAllowed, "Method Not Allowed")]
    public async Task A_route_or_method_the_service_does_not_have_is_a_problem(string method, string url, HttpStatusCode status, string message)
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).AssertErrorAsync(status, message);
    }

    [Fact]
    public async Task An_error_is_a_problem_whatever_the_client_accepts()
    {
        foreach (var accept in new[] { "text/html", "application/xml", "image/png" })
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Accept.ParseAdd(accept);

            await (await client.PostAsJsonAsync("/api/users/register", new { email = "not-an-email", password = ContactsApiFactory.Password }))
                .AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" must be a valid email");
            await (await client.GetAsync("/api/contacts")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
            await (await client.GetAsync("/api/nothing-here")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        }
    }

    private static IEnumerable<HttpRequestMessage> Odd(Operation operation, JsonNode document)
    {
        var method = new HttpMethod(operation.Method);
        foreach (var id in new[] { "not-an-id", "63aac14a3ca32c25b4470065" })
        {
            var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, "{[^}]+}", id);
            yield return new(method, path + "?zzz=1&page=abc&page=2&limit=0&include=x&sort=x");
            var other = new[] { "GET", "POST", "PUT", "PATCH", "DELETE" }.First(m => document["paths"]![operation.Path]![m.ToLowerInvariant()] is null);
            yield return new(new HttpMethod(other), path);
            if (operation.BodyContent is null) continue;
            foreach (var content in Bodies()) yield return new(method, path) { Content = content };
        }
    }

    private static IEnumerable<HttpContent> Bodies()
    {
        yield return Typed("garbage", "multipart/form-data; boundary=xyz");
        yield return Typed("garbage", "multipart/form-data");
        yield return Typed("--xyz\r\nContent-Disposition: form-data; name=\"avatar\"\r\n\r\nx", "multipart/form-data; boundary=xyz");
        yield return new MultipartFormDataContent { { new StringContent("x"), "name" } };
        yield return new FormUrlEncodedContent([new("name", "x")]);
        yield return new StringContent("{}", Encoding.UTF8, "text/plain");
        yield return new StringContent("{}", Encoding.Unicode, "application/json");
        foreach (var json in new[] { "{", "{\"zzz\":1}", "[]", "null", "{\"name\":5,\"email\":[1]}", "{\"a\":1,\"a\":2}", "{\"phones\":[5]}", "{\"favorite\":\"yes\"}", "" })
            yield return Typed(json, "application/json");
        yield return new ByteArrayContent([.. "{\"na"u8, 0xFF, .. "me\":1}"u8]) { Headers = { ContentType = new("application/json") } };
    }

    private static ByteArrayContent Typed(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
