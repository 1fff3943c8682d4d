using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Postman;

/// <summary>The collection and environment in the repository's postman/ folder.</summary>
public static class PostmanCollection
{
    public static string Folder => Path.Combine(ExternalTools.RepositoryRoot(), "postman");
    public static string CollectionFile => Path.Combine(Folder, "ContactsApi.postman_collection.json");
    public static string EnvironmentFile => Path.Combine(Folder, "local.postman_environment.json");

    /// <summary>Every request of the collection, folders flattened, in run order.</summary>
    public static IReadOnlyList<JsonNode> Requests()
    {
        var requests = new List<JsonNode>();
        void Walk(JsonArray items)
        {
            foreach (var item in items)
                if (item!["item"] is JsonArray children) Walk(children);
                else requests.Add(item["request"]!);
        }
        Walk(JsonNode.Parse(File.ReadAllText(CollectionFile))!["item"]!.AsArray());
        return requests;
    }

    /// <summary>A request's URL as written, <c>{{baseUrl}}/api/contacts/{{contactId}}?x=1</c>.</summary>
    public static string RawUrl(JsonNode request) =>
        request["url"] is JsonObject url ? url["raw"]!.GetValue<string>() : request["url"]!.GetValue<string>();
}
