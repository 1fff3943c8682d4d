using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Contacts;
using ContactsApi.Tests.Admin;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Tests.Security.Fuzzing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Common;

/// <summary>HEAD answers as GET without the body: the same status and the same headers, on every GET the document lists.</summary>
public sealed class HeadRequestTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    [Fact]
    public async Task HEAD_on_every_GET_operation_of_the_document_answers_as_GET_without_the_body()
    {
        var admin = await factory.AdminClientAsync();
        var contact = await (await admin.PostAsJsonAsync("/api/contacts", new { name = "Head", email = "head@example.com", phone = "+1 555 0100" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var contactId = contact["_id"]!.GetValue<string>();
        // With a photo, so that its GET answers 200 too.
        Assert.True(await factory.Services.GetRequiredService<IContactRepository>()
            .PutPhotoAsync(contact["owner"]!.GetValue<string>(), contactId, new ContactPhoto("image/png", [0x89, (byte)'P', (byte)'N', (byte)'G'])));
        var userId = (await (await admin.GetAsync("/users")).AssertJsonAsync(HttpStatusCode.OK))["data"]![0]!["_id"]!.GetValue<string>();
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var gets = Operation.All(document).Where(o => o.Method == "GET").ToArray();

        var checkedUrls = 0;
        foreach (var operation in gets)
        {
            var path = operation.Parameters("path").Aggregate(operation.Path, (p, parameter) =>
                p.Replace("{" + parameter["name"]!.GetValue<string>() + "}", operation.Collection == "/users" ? userId : contactId));
            // The answer, a refusal of the query, and (where a token is asked for) a refusal of the caller.
            await AssertHeadIsGetWithoutBodyAsync(admin, path, expected: HttpStatusCode.OK);
            if (operation.Parameters("query").Any())
                await AssertHeadIsGetWithoutBodyAsync(admin, path + "?unknown=1", expected: HttpStatusCode.BadRequest);
            if (operation.IsProtected) await AssertHeadIsGetWithoutBodyAsync(factory.CreateClient(), path, expected: HttpStatusCode.Unauthorized);
            checkedUrls++;
        }
        Assert.True(checkedUrls >= 5, $"only {checkedUrls} GET operations in the document");
    }

    [Theory]
    [InlineData("/avatars/default.png", HttpStatusCode.OK)]
    [InlineData("/swagger/v1/swagger.json", HttpStatusCode.OK)]
    [InlineData("/swagger/index.html", HttpStatusCode.OK)]
    [InlineData("/no/such/path", HttpStatusCode.NotFound)]
    [InlineData("/api/contacts/not-an-id", HttpStatusCode.Unauthorized)]
    public async Task HEAD_on_files_the_document_and_unknown_paths_answers_as_GET_without_the_body(string path, HttpStatusCode expected) =>
        await AssertHeadIsGetWithoutBodyAsync(factory.CreateClient(), path, expected);

    [Fact]
    public async Task HEAD_where_only_POST_is_allowed_is_refused_as_GET_is()
    {
        var head = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/users/login"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(["POST"], head.Content.Headers.Allow);
        await AssertHeadIsGetWithoutBodyAsync(factory.CreateClient(), "/api/users/login", HttpStatusCode.MethodNotAllowed);
    }

    private static async Task AssertHeadIsGetWithoutBodyAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        var get = await client.GetAsync(url);
        var getHeaders = HeadersOf(get);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var headHeaders = HeadersOf(head);

        Assert.True(expected == get.StatusCode, $"GET {url}: {(int)get.StatusCode}");
        Assert.True(get.StatusCode == head.StatusCode, $"HEAD {url}: {(int)head.StatusCode}, GET {(int)get.StatusCode}");
        Assert.Equal(getHeaders, headHeaders);
        Assert.Contains(getHeaders, h => h.StartsWith("Content-Type: ", StringComparison.Ordinal));
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The headers as sent, read before the body (reading it would let HttpClient compute a Content-Length).</summary>
    private static string[] HeadersOf(HttpResponseMessage response) =>
        response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}").Order().ToArray();
}
