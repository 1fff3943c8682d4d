using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ContactsApi.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts the status code and the contract's error message together, in a problem body.</summary>
    public static async Task AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(message, json["message"]!.GetValue<string>());
        // RFC 9457's members beside the contract's message: what produced the error must not matter.
        Assert.Equal((int)status, json["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(json["type"]?.GetValue<string>()), body);
        Assert.False(string.IsNullOrEmpty(json["title"]?.GetValue<string>()), body);
        Assert.False(string.IsNullOrEmpty(json["traceId"]?.GetValue<string>()), body);
        Assert.DoesNotContain("Exception", body);
    }

    /// <summary>Asserts the status code and returns the JSON body.</summary>
    public static async Task<JsonNode> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, string json) =>
        client.PatchAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchAsJsonAsync<T>(this HttpClient client, string url, T value) =>
        client.PatchAsync(url, JsonContent.Create(value));
}
