using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContactsApi.Common.Json;

/// <summary>
/// Checks a JSON body against the shape of the request record it will become, before it is
/// deserialized, so a client hears which field is wrong in the contract's words
/// (<c>"favorite" must be a boolean</c>, <c>"foo" is not allowed</c>) instead of a serializer's
/// exception text. The shape is read from System.Text.Json's own metadata for the type, so the
/// records stay the single description of each body.
/// </summary>
public static class JsonShape
{
    public static string? Check(JsonElement value, JsonTypeInfo info) =>
        value.ValueKind == JsonValueKind.Object || info.Kind != JsonTypeInfoKind.Object
            ? Check(value, info, path: null)
            : "Request body must be a JSON object";

    private static string? Check(JsonElement value, JsonTypeInfo info, string? path)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (value.ValueKind != JsonValueKind.Object) return $"\"{path}\" must be an object";
                foreach (var member in value.EnumerateObject())
                {
                    // Only what a body can set: a computed property (UpdateContactRequest.IsEmpty) is
                    // serialized but never read, so a body naming it is as wrong as any unknown field.
                    var property = info.Properties.FirstOrDefault(p =>
                        p.Name == member.Name && (p.Set is not null || p.AssociatedParameter is not null));
                    var memberPath = path is null ? member.Name : $"{path}.{member.Name}";
                    if (property is null) return $"\"{memberPath}\" is not allowed";
                    var error = Check(member.Value, info.Options.GetTypeInfo(property.PropertyType), memberPath);
                    if (error is not null) return error;
                }
                return null;
            case JsonTypeInfoKind.Enumerable:
                if (value.ValueKind != JsonValueKind.Array) return $"\"{path}\" must be an array";
                var elementInfo = info.Options.GetTypeInfo(info.ElementType!);
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    var error = Check(element, elementInfo, $"{path}[{index++}]");
                    if (error is not null) return error;
                }
                return null;
            default:
                return CheckScalar(value, Nullable.GetUnderlyingType(info.Type) ?? info.Type, path);
        }
    }

    // Null is refused for every field: no field of the contract is nullable, and a null that slipped
    // through would read as "absent" in a partial update.
    private static string? CheckScalar(JsonElement value, Type type, string? path) => type switch
    {
        _ when type == typeof(string) => value.ValueKind == JsonValueKind.String ? null : $"\"{path}\" must be a string",
        _ when type == typeof(bool) => value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? null : $"\"{path}\" must be a boolean",
        _ when type == typeof(int) => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _)
            ? null : $"\"{path}\" must be an integer",
        _ => value.ValueKind == JsonValueKind.Null ? $"\"{path}\" must not be null" : null,
    };
}
