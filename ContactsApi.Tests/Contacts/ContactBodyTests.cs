using System.Net;
using System.Text;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

/// <summary>Bodies no client should send: each gets a 4xx with a message, never a 500.</summary>
public sealed class ContactBodyTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    public static TheoryData<string, string> BadJson => new()
    {
        { """{"name":"N","email":"n@n.net","phone":"123" """, "Request body is not valid JSON" },
        { """{"name":"N",}""", "Request body is not valid JSON" },
        { """{'name':'N'}""", "Request body is not valid JSON" },
        { new string('[', 100) + new string(']', 100), "Request body is not valid JSON" },
        { """[{"name":"N","email":"n@n.net","phone":"123"}]""", "Request body must be a JSON object" },
        { "null", "Request body must be a JSON object" },
        { "\"text\"", "Request body must be a JSON object" },
        { """{"name":"N","email":"n@n.net","phone":"123","favorite":"yes"}""", "\"favorite\" must be a boolean" },
        { """{"name":5,"email":"n@n.net","phone":"123"}""", "\"name\" must be a string" },
        { """{"name":"\uD800","email":"n@n.net","phone":"123"}""", "Request body is not valid JSON" },
        { """{"\uDC00":"N","email":"n@n.net","phone":"123"}""", "Request body is not valid JSON" },
        { """{"name":"N","email":["n@n.net"],"phone":"123"}""", "\"email\" must be a string" },
        { """{"name":"N","email":"n@n.net","phones":{"number":"123"}}""", "\"phones\" must be an array" },
        { """{"name":"N","email":"n@n.net","phones":[null]}""", "\"phones[0]\" must be an object" },
        { """{"name":"N","email":"n@n.net","phones":[{"number":123,"label":"x"}]}""", "\"phones[0].number\" must be a string" },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public async Task A_malformed_or_mistyped_body_is_a_400_with_a_message(string body, string message)
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.PostJsonAsync("/api/contacts", body)).AssertErrorAsync(HttpStatusCode.BadRequest, message);
        await (await client.PutJsonAsync("/api/contacts/63aac14a3ca32c25b4470065", body)).AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Every_write_endpoint_refuses_a_json_array_body()
    {
        var client = await factory.LoggedInClientAsync();
        var contact = await client.CreateContactAsync();
        var id = contact.Id();
        var phoneId = contact.Phones()[0]!.Id();

        await (await client.PatchJsonAsync($"/api/contacts/{id}/favorite", "[true]"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "Request body must be a JSON object");
        await (await client.PostJsonAsync($"/api/contacts/{id}/phones", "[]"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "Request body must be a JSON object");
        await (await client.PutJsonAsync($"/api/contacts/{id}/phones/{phoneId}", "[]"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "Request body must be a JSON object");
    }

    [Fact]
    public async Task An_empty_body_is_a_400_with_a_message()
    {
        var client = await factory.LoggedInClientAsync();
        var id = (await client.CreateContactAsync()).Id();

        await (await client.PostJsonAsync("/api/contacts", "")).AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is required");
        await (await client.PutJsonAsync($"/api/contacts/{id}", "")).AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is required");
        await (await client.PatchJsonAsync($"/api/contacts/{id}/favorite", ""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is required");
        await (await client.PostAsync("/api/contacts", null)).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType,
            "Content-Type must be application/json");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unsupported()
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.PostAsync("/api/contacts", new StringContent("""{"name":"N","email":"n@n.net","phone":"123"}""",
            Encoding.UTF8, "text/plain"))).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type must be application/json");
        await (await client.PostAsync("/api/contacts", new FormUrlEncodedContent([new("name", "N")])))
            .AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type must be application/json");
    }

    [Fact]
    public async Task A_body_in_another_encoding_or_with_bad_utf8_is_refused()
    {
        var client = await factory.LoggedInClientAsync();

        var utf16 = await client.PostAsync("/api/contacts", new StringContent("""{"name":"N","email":"n@n.net","phone":"123"}""",
            Encoding.Unicode, "application/json"));
        var badUtf8 = new ByteArrayContent([.. "{\"name\":\""u8, 0xC3, 0x28, .. "\",\"email\":\"n@n.net\",\"phone\":\"123\"}"u8]);
        badUtf8.Headers.ContentType = new("application/json");

        Assert.True((int)utf16.StatusCode is >= 400 and < 500, $"{utf16.StatusCode}");
        Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(await utf16.Content.ReadAsStringAsync())!["message"]);
        await (await client.PostAsync("/api/contacts", badUtf8)).AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is not valid JSON");
        var badName = new ByteArrayContent([.. "{\"na"u8, 0xFF, .. "me\":\"N\"}"u8]);
        badName.Headers.ContentType = new("application/json");
        await (await client.PostAsync("/api/contacts", badName)).AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is not valid JSON");
    }

    [Fact]
    public async Task A_ten_megabyte_body_is_refused_before_it_is_read()
    {
        var client = await factory.LoggedInClientAsync();
        var body = $$"""{"name":"{{new string('x', 10 * 1024 * 1024)}}","email":"n@n.net","phone":"123"}""";

        await (await client.PostJsonAsync("/api/contacts", body))
            .AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "Request body too large: at most 64 KB");
        Assert.Equal(0, (await client.ListAsync())["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_chunked_body_past_the_limit_is_cut_off_by_the_server()
    {
        // The test server enforces no body limit, so this one runs on Kestrel: only the server's own
        // limit can stop a body whose length is not declared. HttpClient drops the early answer when
        // the server stops reading, so the request goes over a plain socket: 128 KB of a body that
        // claims to go on, then the answer is read.
        using var kestrel = new ContactsApiFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var client = await kestrel.LoggedInClientAsync();
        var server = client.BaseAddress!;
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(server.Host, server.Port);
        var stream = socket.GetStream();
        var head = $"POST /api/contacts HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: {client.DefaultRequestHeaders.Authorization}\r\n" +
                   "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("9\r\n{\"name\":\"\r\n"));
        var chunk = Encoding.ASCII.GetBytes($"4000\r\n{new string('x', 0x4000)}\r\n");
        for (var sent = 0; sent < 128 * 1024; sent += 0x4000) await stream.WriteAsync(chunk);

        // Without the limit the server would wait for the rest of the body; the token turns a hang into a failure.
        using var stuck = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await new StreamReader(stream).ReadToEndAsync(stuck.Token);

        Assert.True(answer.StartsWith("HTTP/1.1 413 "), answer);
        Assert.Contains("\"message\":\"Request body too large: at most 64 KB\"", answer);
        Assert.Equal(0, (await client.ListAsync())["total"]!.GetValue<long>());
    }

}
