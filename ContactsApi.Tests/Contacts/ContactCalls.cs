using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

/// <summary>The calls and reads the contacts tests repeat.</summary>
public static class ContactCalls
{
    public const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    public static async Task<JsonNode> CreateContactAsync(this HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/contacts", body)).AssertJsonAsync(HttpStatusCode.Created);

    /// <summary>A valid contact with one number.</summary>
    public static Task<JsonNode> CreateContactAsync(this HttpClient client, string name = "Chaim Lewise",
        string email = "is@n.net", string phone = "+38(099)212-5453", bool favorite = false) =>
        client.CreateContactAsync(new { name, email, phone, favorite });

    public static async Task<JsonNode> GetContactAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"/api/contacts/{id}")).AssertJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> ListAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/contacts{query}")).AssertJsonAsync(HttpStatusCode.OK);

    public static string Str(this JsonNode node, string field) => node[field]!.GetValue<string>();

    public static string Id(this JsonNode node) => node.Str("_id");

    public static JsonArray Phones(this JsonNode node) => node["phones"]!.AsArray();

    public static string[] Ids(this JsonNode page) => page["data"]!.AsArray().Select(c => c!.Id()).ToArray();
}
