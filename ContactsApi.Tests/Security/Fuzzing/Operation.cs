using System.Text.Json.Nodes;

namespace ContactsApi.Tests.Security.Fuzzing;

/// <summary>One operation of the OpenAPI document.</summary>
public sealed record Operation(string Method, string Path, JsonObject Node)
{
    /// <summary>The path before its first parameter: <c>/users</c> for <c>/users/{id}</c>.</summary>
    public string Collection => Path.Split("/{")[0];

    public bool IsProtected => Node["security"] is JsonArray { Count: > 0 };

    public IEnumerable<JsonObject> Parameters(string location) =>
        (Node["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).Where(p => p["in"]?.GetValue<string>() == location);

    /// <summary>The request body's media types and schemas, if the operation takes a body.</summary>
    public JsonObject? BodyContent => Node["requestBody"]?["content"]?.AsObject();

    /// <summary>Declared for exactly this status, not through "default".</summary>
    public bool Declares(int status) => Node["responses"]?[status.ToString()] is not null;

    public JsonObject? Response(int status) => Node["responses"]?[status.ToString()]?.AsObject() ?? Node["responses"]?["default"]?.AsObject();

    public override string ToString() => $"{Method} {Path}";

    public static List<Operation> All(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => new Operation(op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())))
            .ToList();
}
