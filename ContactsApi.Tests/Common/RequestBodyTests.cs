using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Common;

/// <summary>
/// Bodies a careless or hostile client sends, to every endpoint that reads one: each gets a 4xx
/// problem with the contract's message, never a 500, and changes nothing. Control characters and
/// bidirectional overrides are refused in every free-text field.
/// </summary>
public sealed class RequestBodyTests(BodyEndpointsFactory factory) : IClassFixture<BodyEndpointsFactory>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in BodyEndpoint.All)
            foreach (var body in BodiesFor(endpoint))
                data.Add(endpoint.ToString(), body.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_endpoint_that_reads_a_body_refuses_a_bad_one_with_the_contracts_message_and_changes_nothing(string endpoint, string body)
    {
        var target = BodyEndpoint.Named(endpoint);
        var bad = BodiesFor(target).Single(b => b.Name == body);
        var (client, url) = await factory.TargetAsync(target);
        var before = await factory.EverythingAsync();

        var (status, mediaType, answer) = await bad.SendAsync(client, new HttpMethod(target.Method), url);

        Assert.True(bad.Status == status, $"Expected {(int)bad.Status}, got {(int)status}: {answer}");
        Assert.Equal("application/problem+json", mediaType);
        var problem = JsonNode.Parse(answer)!;
        Assert.Equal(bad.Message, problem["message"]!.GetValue<string>());
        Assert.Equal((int)bad.Status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()), answer);
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()), answer);
        Assert.Equal(before, await factory.EverythingAsync());
    }

    public static TheoryData<string, string> Guarded()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in BodyEndpoint.All.Where(e => e.Caller != Caller.Anyone))
            foreach (var type in new[] { "text/plain", "multipart/form-data; boundary=xyz", "application/json" })
                data.Add(endpoint.ToString(), type);
        return data;
    }

    [Theory]
    [MemberData(nameof(Guarded))]
    public async Task A_client_without_a_token_hears_401_whatever_body_it_sends(string endpoint, string contentType)
    {
        var target = BodyEndpoint.Named(endpoint);
        var (_, url) = await factory.TargetAsync(target);

        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), url)
        {
            Content = Raw("{garbage", contentType),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Not authorized", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }

    // Free text a person reads (names, labels) can't hide or reorder what they see.
    private static readonly string[] Hidden =
        ["\u0000", "\u0007", "\u001b[31m", "\t", "\n", "\u007f", "\u0085", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

    public static TheoryData<string, string, string> TextCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in BodyEndpoint.All)
        {
            foreach (var field in endpoint.Texts)
                foreach (var hidden in Hidden)
                    data.Add(endpoint.ToString(), field, $"U+{(int)hidden[0]:X4}");
            foreach (var field in endpoint.Lines)
                foreach (var hidden in Hidden.Where(h => h != "\n"))
                    data.Add(endpoint.ToString(), field, $"U+{(int)hidden[0]:X4}");
        }
        return data;
    }

    public static TheoryData<string, string> LineCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in BodyEndpoint.All)
            foreach (var field in endpoint.Lines)
                data.Add(endpoint.ToString(), field);
        return data;
    }

    [Theory]
    [MemberData(nameof(LineCases))]
    public async Task A_text_of_several_lines_keeps_its_line_feeds(string endpoint, string field)
    {
        var target = BodyEndpoint.Named(endpoint);
        var (client, url) = await factory.TargetAsync(target);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), url)
        {
            Content = new StringContent(target.With(field, "First line\nsecond line"), Encoding.UTF8, "application/json"),
        });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        var parts = field.Replace("]", "").Split('.', '[');
        Assert.Equal("First line\nsecond line", parts.Aggregate(body, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!).GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TextCases))]
    public async Task A_text_field_refuses_control_and_bidirectional_override_characters_naming_the_field(string endpoint, string field, string character)
    {
        var target = BodyEndpoint.Named(endpoint);
        var hidden = Hidden.Single(h => $"U+{(int)h[0]:X4}" == character);
        var (client, url) = await factory.TargetAsync(target);
        var before = await factory.EverythingAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), url)
        {
            Content = new StringContent(target.With(field, $"Inv{hidden}oice"), Encoding.UTF8, "application/json"),
        });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"\"{field}\" must not contain control or bidirectional override characters");
        Assert.Equal(before, await factory.EverythingAsync());
    }

    [Fact]
    public async Task Text_in_any_script_with_marks_and_joiners_is_kept_as_given()
    {
        // Combining accents, a right-to-left mark (not an override), zero-width joiners in an emoji.
        const string name = "Żółć Ли 李 مرحبا\u200f e\u0301 👩\u200d👩\u200d👧";
        var client = await factory.LoggedInClientAsync();

        var created = await client.CreateContactAsync(new { name, email = "world@example.com", phones = new[] { new { number = "123", label = "домашній" } } });

        Assert.Equal(name, created.Str("name"));
        Assert.Equal("домашній", created.Phones()[0]!.Str("label"));
        var stored = await client.GetContactAsync(created.Id());
        Assert.Equal(name, stored.Str("name"));
        Assert.Equal("домашній", stored.Phones()[0]!.Str("label"));
    }

    private const string NotJson = "Request body is not valid JSON";
    private const string NotAnObject = "Request body must be a JSON object";
    private const string NotJsonContent = "Content-Type must be application/json";
    private const string TooLarge = "Request body too large: at most 64 KB";

    /// <summary>What is sent, and the status and message it must get.</summary>
    private sealed record Bad(string Name, Func<HttpClient, HttpMethod, string, Task<(HttpStatusCode, string?, string)>> SendAsync,
        HttpStatusCode Status, string Message);

    private static IEnumerable<Bad> BodiesFor(BodyEndpoint endpoint)
    {
        var field = endpoint.Strings.Concat(endpoint.Booleans).Concat(endpoint.Lists).First();
        yield return Json("an empty body", "", HttpStatusCode.BadRequest, "Request body is required");
        yield return new("no body at all", (c, m, u) => SendAsync(c, new HttpRequestMessage(m, u)), HttpStatusCode.UnsupportedMediaType, NotJsonContent);
        yield return Content("JSON without a content type", new ByteArrayContent("{}"u8.ToArray()), HttpStatusCode.UnsupportedMediaType, NotJsonContent);
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "text/json" })
            yield return Content($"JSON as {type}", new StringContent("{}", Encoding.UTF8, type), HttpStatusCode.UnsupportedMediaType, NotJsonContent);
        yield return Content("a form", new FormUrlEncodedContent([new(field, "x")]), HttpStatusCode.UnsupportedMediaType, NotJsonContent);
        yield return Content("a multipart form", new MultipartFormDataContent { { new StringContent("x"), field } }, HttpStatusCode.UnsupportedMediaType, NotJsonContent);
        yield return Content("a broken multipart body", Raw("garbage", "multipart/form-data; boundary=xyz"), HttpStatusCode.UnsupportedMediaType, NotJsonContent);
        yield return Content("a multipart body without a boundary", Raw("garbage", "multipart/form-data"), HttpStatusCode.UnsupportedMediaType, NotJsonContent);
        yield return Content("JSON in UTF-16", new StringContent("{}", Encoding.Unicode, "application/json"), HttpStatusCode.UnsupportedMediaType, NotJsonContent);

        foreach (var json in new[] { $$"""{"{{field}}":""", $$"""{{{field}}:"x"}""", $$"""{"{{field}}":"x",}""", "{} trailing", "{'a':'b'}", "   ", "{\"a\"" })
            yield return Json($"malformed: {json}", json, HttpStatusCode.BadRequest, NotJson);
        yield return Json("nested deeper than the parser allows", $$"""{"{{field}}":{{new string('[', 1000)}}{{new string(']', 1000)}}}""", HttpStatusCode.BadRequest, NotJson);
        yield return Json("an array nested too deep", new string('[', 100) + new string(']', 100), HttpStatusCode.BadRequest, NotJson);
        yield return Json("a string with a lone surrogate escape", $$"""{"{{field}}":"\ud800"}""", HttpStatusCode.BadRequest, NotJson);
        yield return Json("a name with a lone surrogate escape", """{"\udc00":1}""", HttpStatusCode.BadRequest, NotJson);
        yield return Bytes("bad UTF-8 in a value", [.. Encoding.UTF8.GetBytes($$"""{"{{field}}":" """), 0xC3, 0x28, .. "\"}"u8], NotJson);
        yield return Bytes("bad UTF-8 in a name", [.. "{\"na"u8, 0xFF, .. "me\":\"N\"}"u8], NotJson);

        foreach (var json in new[] { "[]", "null", "42", "true", "\"text\"", $"[{endpoint.ValidBody}]" })
            yield return Json($"not an object: {json}", json, HttpStatusCode.BadRequest, NotAnObject);

        yield return Json("an unknown field", """{"zzz":1}""", HttpStatusCode.BadRequest, "\"zzz\" is not allowed");
        yield return Json("a field named in another case", $$"""{"{{char.ToUpperInvariant(field[0])}}{{field[1..]}}":1}""", HttpStatusCode.BadRequest,
            $"\"{char.ToUpperInvariant(field[0])}{field[1..]}\" is not allowed");
        foreach (var (name, value) in endpoint.Strings.Select(s => (s, "\"x\"")).Concat(endpoint.Booleans.Select(b => (b, "true"))).Concat(endpoint.Lists.Select(l => (l, "[]"))))
            yield return Json($"{name} given twice", $$"""{"{{name}}":{{value}},"{{name}}":{{value}}}""", HttpStatusCode.BadRequest, $"\"{name}\" must be given once");

        foreach (var (name, kind, wrong) in endpoint.Strings.SelectMany(s => new[] { "5", "null", "[\"x\"]", "{\"$ne\":\"\"}", "true" }.Select(w => (s, "a string", w)))
                     .Concat(endpoint.Booleans.SelectMany(b => new[] { "\"yes\"", "null", "1", "[true]" }.Select(w => (b, "a boolean", w))))
                     .Concat(endpoint.Lists.SelectMany(l => new[] { "{\"number\":\"123\"}", "null", "\"123\"" }.Select(w => (l, "an array", w)))))
            yield return Json($"{name} as {wrong}", $$"""{"{{name}}":{{wrong}}}""", HttpStatusCode.BadRequest, $"\"{name}\" must be {kind}");
        foreach (var list in endpoint.Lists)
        {
            yield return Json($"{list} holding null", $$"""{"{{list}}":[null]}""", HttpStatusCode.BadRequest, $"\"{list}[0]\" must be an object");
            yield return Json($"{list} holding a number", $$"""{"{{list}}":[{"number":"123","label":"x"},5]}""", HttpStatusCode.BadRequest, $"\"{list}[1]\" must be an object");
            yield return Json($"{list} with a number of the wrong type", $$"""{"{{list}}":[{"number":123,"label":"x"}]}""", HttpStatusCode.BadRequest, $"\"{list}[0].number\" must be a string");
            yield return Json($"{list} with an unknown field", $$"""{"{{list}}":[{"number":"123","label":"x","_id":"63aac14a3ca32c25b4470065"}]}""", HttpStatusCode.BadRequest, $"\"{list}[0]._id\" is not allowed");
            yield return Json($"{list} with a key given twice", $$"""{"{{list}}":[{"number":"1","number":"2"}]}""", HttpStatusCode.BadRequest, $"\"{list}[0].number\" must be given once");
        }

        yield return new("a declared length over the limit", (c, m, u) => RawAsync(c, m, u, $"Content-Length: {10 * 1024 * 1024}", [Encoding.UTF8.GetBytes($$"""{"{{field}}":" """)]),
            HttpStatusCode.RequestEntityTooLarge, TooLarge);
        // 128 KB of a body that claims to go on: without the server's limit it would wait for the rest.
        var chunk = Encoding.ASCII.GetBytes($"4000\r\n{new string('x', 0x4000)}\r\n");
        yield return new("a chunked body past the limit", (c, m, u) => RawAsync(c, m, u, "Transfer-Encoding: chunked",
                [Encoding.ASCII.GetBytes("6\r\n{\"x\":\"\r\n"), .. Enumerable.Repeat(chunk, 8)]),
            HttpStatusCode.RequestEntityTooLarge, TooLarge);
    }

    private static Bad Json(string name, string json, HttpStatusCode status, string message) =>
        Content(name, new StringContent(json, Encoding.UTF8, "application/json"), status, message);

    private static Bad Bytes(string name, byte[] bytes, string message) =>
        Content(name, new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } }, HttpStatusCode.BadRequest, message);

    private static ByteArrayContent Raw(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static Bad Content(string name, HttpContent content, HttpStatusCode status, string message) =>
        new(name, (c, m, u) => SendAsync(c, new HttpRequestMessage(m, u) { Content = content }), status, message);

    private static async Task<(HttpStatusCode, string?, string)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A request written straight to the socket, for bodies HttpClient won't send as asked (a length it
    /// doesn't send) or whose early answer it drops when the server stops reading.
    /// </summary>
    private static async Task<(HttpStatusCode, string?, string)> RawAsync(HttpClient client, HttpMethod method, string url, string framing, byte[][] body)
    {
        var server = client.BaseAddress!;
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port);
        var stream = socket.GetStream();
        var authorization = client.DefaultRequestHeaders.Authorization is { } token ? $"Authorization: {token}\r\n" : "";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{method} {url} HTTP/1.1\r\nHost: {server.Authority}\r\n{authorization}" +
                                                        $"Content-Type: application/json\r\n{framing}\r\nConnection: close\r\n\r\n"));
        try
        {
            foreach (var part in body) await stream.WriteAsync(part);
        }
        catch (IOException)
        {
            // The server answered (413) and closed before the rest of the body was written: its answer is
            // what the test reads next.
        }
        // A server that kept waiting for the rest of the body would hang the test; the token makes that a failure.
        using var stuck = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await new StreamReader(stream).ReadToEndAsync(stuck.Token);
        var head = answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        var mediaType = head.FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?.Split(':', ';')[1].Trim();
        return ((HttpStatusCode)int.Parse(head[0].Split(' ')[1]), mediaType, answer[answer.IndexOf('{')..(answer.LastIndexOf('}') + 1)]);
    }
}
