using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Users;

/// <summary>Bodies a careless or hostile client sends: each gets a 4xx with a message, never a 500.</summary>
public sealed class RequestBodyTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Theory]
    [InlineData("""{"email":""", "Request body is not valid JSON")]
    [InlineData("""{email:"a@b.co"}""", "Request body is not valid JSON")]
    [InlineData("""{"email":"a@b.co",}""", "Request body is not valid JSON")]
    [InlineData("""{"email":"a@b.co"} trailing""", "Request body is not valid JSON")]
    [InlineData("[]", "Request body must be a JSON object")]
    [InlineData("""[{"email":"a@b.co","password":"exA7$mpless"}]""", "Request body must be a JSON object")]
    [InlineData("null", "Request body must be a JSON object")]
    [InlineData("\"a@b.co\"", "Request body must be a JSON object")]
    [InlineData("42", "Request body must be a JSON object")]
    [InlineData("""{"email":5,"password":"exA7$mpless"}""", "\"email\" must be a string")]
    [InlineData("""{"email":["a@b.co"],"password":"exA7$mpless"}""", "\"email\" must be a string")]
    [InlineData("""{"email":"a@b.co","password":null}""", "\"password\" must be a string")]
    [InlineData("""{"email":"a@b.co","password":{"$ne":""}}""", "\"password\" must be a string")]
    [InlineData("""{"email":"a@b.co","password":"exA7$mpless","name":true}""", "\"name\" must be a string")]
    public async Task Register_answers_a_broken_body_with_400_and_a_message(string json, string message)
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/users/register", json);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }

    [Theory]
    [InlineData("/api/users/register")]
    [InlineData("/api/users/login")]
    public async Task An_empty_body_is_refused_with_a_message(string url)
    {
        var response = await factory.CreateClient().PostJsonAsync(url, "");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is required");
    }

    [Fact]
    public async Task An_empty_body_on_patch_is_refused_with_a_message()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PatchJsonAsync("/api/users", "");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is required");
    }

    [Fact]
    public async Task A_body_nested_deeper_than_the_parser_allows_is_refused_with_a_message()
    {
        var json = """{"email":""" + new string('[', 1000) + new string(']', 1000) + "}";

        var response = await factory.CreateClient().PostJsonAsync("/api/users/register", json);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is not valid JSON");
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_refused_with_a_message()
    {
        var bytes = new byte[] { (byte)'{', (byte)'"', (byte)'e', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' };
        var content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        var response = await factory.CreateClient().PostAsync("/api/users/register", content);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is not valid JSON");
    }

    [Fact]
    public async Task A_10_MB_body_is_refused_before_it_is_read()
    {
        var json = """{"email":"a@b.co","password":"exA7$mpless","name":" """ + new string('x', 10 * 1024 * 1024) + "\"}";

        var response = await factory.CreateClient().PostJsonAsync("/api/users/register", json);

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "Request body too large: at most 64 KB");
    }

    [Fact]
    public async Task A_body_streamed_without_a_length_is_stopped_at_the_limit_on_a_real_server()
    {
        // Kestrel, not the in-memory test server: only a real server stops a chunked body as it grows.
        // 256 KB, four times the limit yet small enough for the socket buffers, so the client finishes
        // sending before the server answers and closes (with 10 MB the client would see a broken pipe).
        await using var kestrel = new ContactsApiFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var json = """{"email":"a@b.co","password":"exA7$mpless","name":" """ + new string('x', 256 * 1024) + "\"}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/users/register")
        {
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
            Headers = { TransferEncodingChunked = true },
        };

        var response = await kestrel.CreateClient().SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "Request body too large: at most 64 KB");
    }

    [Theory]
    [InlineData("""{"email":"\ud800@b.co","password":"exA7$mpless"}""")]
    [InlineData("""{"\udc00":1}""")]
    public async Task A_string_with_a_lone_surrogate_escape_is_refused_with_a_message(string json)
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/users/register", json);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is not valid JSON");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_is_refused_with_415_and_a_message(string mediaType)
    {
        var content = new StringContent("""{"email":"a@b.co","password":"exA7$mpless"}""", Encoding.UTF8, mediaType);

        var response = await factory.CreateClient().PostAsync("/api/users/register", content);

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type must be application/json");
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_refused_with_415_and_a_message()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"email":"a@b.co","password":"exA7$mpless"}"""));

        var response = await factory.CreateClient().PostAsync("/api/users/register", content);

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type must be application/json");
    }

    [Fact]
    public async Task A_json_body_in_utf16_is_refused_with_a_message()
    {
        var content = new StringContent("""{"email":"a@b.co","password":"exA7$mpless"}""", Encoding.Unicode, "application/json");

        var response = await factory.CreateClient().PostAsync("/api/users/register", content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        Assert.False(string.IsNullOrWhiteSpace(System.Text.Json.Nodes.JsonNode.Parse(body)!["message"]!.GetValue<string>()));
    }

    /// <summary>A body whose length HttpClient can't know, so it goes chunked, as a streaming client would send it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
