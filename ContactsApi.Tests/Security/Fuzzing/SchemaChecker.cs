using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactsApi.Tests.Security.Fuzzing;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.0 schema of the service's own document: type, nullable,
/// required and declared property names, array items, date-time strings, allOf/oneOf/anyOf. Written
/// by hand because no JSON-schema library restores here; it covers the keywords the document uses.
/// </summary>
public sealed class SchemaChecker(JsonNode document)
{
    /// <summary>The schema a <c>$ref</c> points at, or the schema itself.</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        var current = schema.AsObject();
        while (current["$ref"]?.GetValue<string>() is { } reference)
        {
            JsonNode node = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/')) node = node[part.Replace("~1", "/").Replace("~0", "~")]!;
            current = node.AsObject();
        }
        return current;
    }

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, as "path: problem".</summary>
    public List<string> Check(JsonNode? value, JsonNode schema, string path = "$")
    {
        var errors = new List<string>();
        Check(value, Resolve(schema), path, errors);
        return errors;
    }

    private void Check(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        if (schema["allOf"] is JsonArray all)
            foreach (var part in all) Check(value, Resolve(part!), path, errors);
        foreach (var key in new[] { "oneOf", "anyOf" })
            if (schema[key] is JsonArray options && !options.Any(o => this.Check(value, o!, path).Count == 0))
                errors.Add($"{path}: matches none of {key}");

        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && schema["type"] is not null) errors.Add($"{path}: null where not nullable");
            return;
        }
        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                if (value is not JsonObject obj) { errors.Add($"{path}: {value.GetValueKind()} where an object is declared"); return; }
                foreach (var required in schema["required"]?.AsArray() ?? [])
                    if (!obj.ContainsKey(required!.GetValue<string>())) errors.Add($"{path}: required \"{required}\" is missing");
                var properties = schema["properties"]?.AsObject();
                var openEnded = schema["additionalProperties"]?.GetValueKind() == JsonValueKind.True;
                foreach (var (name, member) in obj)
                {
                    if (properties?[name] is { } declared) Check(member, Resolve(declared), $"{path}.{name}", errors);
                    else if (schema["additionalProperties"] is JsonObject extra) Check(member, Resolve(extra), $"{path}.{name}", errors);
                    else if (!openEnded) errors.Add($"{path}: \"{name}\" is not declared");
                }
                return;
            case "array":
                if (value is not JsonArray array) { errors.Add($"{path}: {value.GetValueKind()} where an array is declared"); return; }
                if (schema["items"] is { } items)
                    for (var i = 0; i < array.Count; i++) Check(array[i], Resolve(items), $"{path}[{i}]", errors);
                return;
            case "string":
                if (value.GetValueKind() != JsonValueKind.String) errors.Add($"{path}: {value.GetValueKind()} where a string is declared");
                else if (schema["format"]?.GetValue<string>() == "date-time" && !DateTimeOffset.TryParse(value.GetValue<string>(), out _))
                    errors.Add($"{path}: \"{value}\" is not a date-time");
                return;
            case "integer":
                if (value.GetValueKind() != JsonValueKind.Number || !long.TryParse(value.ToJsonString(), out _))
                    errors.Add($"{path}: {value.ToJsonString()} where an integer is declared");
                return;
            case "number":
                if (value.GetValueKind() != JsonValueKind.Number) errors.Add($"{path}: {value.GetValueKind()} where a number is declared");
                return;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    errors.Add($"{path}: {value.GetValueKind()} where a boolean is declared");
                return;
        }
    }
}
