using System.Net;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.History;

/// <summary>The calls the trash, history, undo and sync tests repeat.</summary>
public static class HistoryCalls
{
    public static async Task<JsonNode> TrashAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/contacts/trash{query}")).AssertJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> RestoreAsync(this HttpClient client, string id) =>
        await (await client.PostAsync($"/api/contacts/trash/{id}/restore", null)).AssertJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> HistoryAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"/api/contacts/{id}/history")).AssertJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> UndoAsync(this HttpClient client, DateTimeOffset to) =>
        await (await client.PostJsonAsync("/api/contacts/undo", $$"""{"to":"{{to.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}"}"""))
            .AssertJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> ChangesAsync(this HttpClient client, string? since = null, int? limit = null)
    {
        var query = new List<string>();
        if (since is not null) query.Add("since=" + Uri.EscapeDataString(since));
        if (limit is not null) query.Add("limit=" + limit);
        return await (await client.GetAsync("/api/contacts/changes" + (query.Count > 0 ? "?" + string.Join('&', query) : "")))
            .AssertJsonAsync(HttpStatusCode.OK);
    }

    public static async Task<HttpResponseMessage> DeleteContactAsync(this HttpClient client, string id) =>
        await client.DeleteAsync($"/api/contacts/{id}");

    /// <summary>A request with an <c>If-Match</c> or <c>If-None-Match</c> header.</summary>
    public static HttpRequestMessage Conditional(HttpMethod method, string url, string header, string tag, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation(header, tag);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return request;
    }

    public static string ETag(this HttpResponseMessage response) => response.Headers.ETag!.ToString();

    /// <summary>The list as the client sees it, every page of it, each contact's JSON: what "the same book" means in these tests.</summary>
    public static async Task<List<string>> WholeBookAsync(this HttpClient client)
    {
        var book = new List<string>();
        for (var page = 1; ; page++)
        {
            var data = (await ContactsApi.Tests.Contacts.ContactCalls.ListAsync(client, $"?limit=100&page={page}&sort=createdAt"))["data"]!.AsArray();
            book.AddRange(data.Select(c => c!.ToJsonString()));
            if (data.Count < 100) return book;
        }
    }

    /// <summary>A new token for the client's user, after the test moved the clock past its token's day.</summary>
    public static async Task SignInAgainAsync(this HttpClient client, string email) =>
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await ContactsApiFactory.LoginAsync(client, email));

    /// <summary>
    /// Waits until <paramref name="condition"/> holds: for work a background service does once the test has moved the
    /// clock, which the test can only observe from outside. Checks every few milliseconds, for at most 30 seconds.
    /// </summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting until {what}");
            await Task.Delay(5);
        }
    }
}
