using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace ContactsApi.Common.Json;

/// <summary>
/// How request bodies are read: the response options, made strict. System.Text.Json itself refuses a
/// field the request record does not have and a key given twice; <see cref="StringField"/>,
/// <see cref="BooleanField"/> and <see cref="ListFieldFactory"/> refuse a value of the wrong JSON
/// type or a null. A refusal is then put in the contract's words. A request record holds strings,
/// booleans and lists of those or of records; a field of another type needs its converter here.
/// </summary>
public static class RequestJson
{
    public const string NotJson = "Request body is not valid JSON";
    public const string NotAnObject = "Request body must be a JSON object";

    public static JsonSerializerOptions Options(JsonSerializerOptions responses) => new(responses)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        // A field is named exactly as the contract spells it: "Name" is as unknown as "nmae".
        PropertyNameCaseInsensitive = false,
        Converters = { new StringField(), new BooleanField(), new ListFieldFactory() },
    };

    /// <summary>The body as <paramref name="type"/>, or the contract's message for what is wrong with it.</summary>
    public static (object? Value, string? Refusal) Read(ReadOnlySpan<byte> body, JsonTypeInfo type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) is { } value ? (value, null) : (null, NotAnObject);
        }
        catch (JsonException refused)
        {
            // Only a refused body is read again, so that a malformed one is called that, whatever the
            // serializer came across first (a wrong type, or an unknown name before the broken end).
            if (!IsJson(body)) return (null, NotJson);
            var (field, problem) = Explain(refused, type);
            return (null, field.Length == 0 ? NotAnObject : $"\"{field}\" {problem}");
        }
    }

    /// <summary>Which field of the value <paramref name="info"/> describes a refusal names ("" for the value itself), and the problem.</summary>
    internal static (string Field, string Problem) Explain(JsonException refused, JsonTypeInfo info)
    {
        var field = refused.Path is null or "$" ? "" : refused.Path.StartsWith("$['") ? refused.Path[3..^2] : refused.Path[2..];
        return refused switch
        {
            FieldRefused mine => (field + mine.Within, mine.Problem),
            _ when field.Length == 0 => ("", "must be an object"),
            // The converters answer every wrong value of a known field, so the serializer's own refusal
            // of a known name can only be the key given twice.
            _ => (field, info.Properties.Any(p => p.Name == field) ? "must be given once" : "is not allowed"),
        };
    }

    /// <summary>Well-formed JSON in UTF-8 whose every string and name decodes (no lone surrogate escape, <c>"\ud800"</c>).</summary>
    private static bool IsJson(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body)) return false;
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) reader.GetString();
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>
/// A value of a body refused by the contract's converters, with the problem in the contract's words;
/// System.Text.Json adds the path to it. <see cref="Within"/> is the part of the path below the value
/// the converter read: an element of a list and the field in it.
/// </summary>
internal sealed class FieldRefused(string problem, string within = "") : JsonException(problem)
{
    public string Problem { get; } = problem;
    public string Within { get; } = within;
}

/// <summary>A string field: a JSON string, never null.</summary>
internal sealed class StringField : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new FieldRefused("must be a string");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A boolean field: true or false, never null.</summary>
internal sealed class BooleanField : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new FieldRefused("must be a boolean"),
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) => writer.WriteBooleanValue(value!.Value);
}

/// <summary>
/// A list field: a JSON array, never null, each element read by its own type's converter (a record
/// only from a JSON object). Each element is read on its own, so a refusal inside one is given the
/// element's index here.
/// </summary>
internal sealed class ListFieldFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ListField<>).MakeGenericType(typeToConvert.GetGenericArguments()))!;

    private sealed class ListField<T> : JsonConverter<List<T>>
    {
        public override bool HandleNull => true;

        public override List<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new FieldRefused("must be an array");
            var element = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            var list = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                try
                {
                    if (element.Kind == JsonTypeInfoKind.Object && reader.TokenType != JsonTokenType.StartObject)
                        throw new FieldRefused("must be an object");
                    list.Add(JsonSerializer.Deserialize(ref reader, element)!);
                }
                catch (JsonException refused)
                {
                    var (field, problem) = RequestJson.Explain(refused, element);
                    throw new FieldRefused(problem, $"[{list.Count}]{(field.Length > 0 && field[0] != '[' ? "." : "")}{field}");
                }
            }
            return list;
        }

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value) JsonSerializer.Serialize(writer, item, options.GetTypeInfo(typeof(T)));
            writer.WriteEndArray();
        }
    }
}
