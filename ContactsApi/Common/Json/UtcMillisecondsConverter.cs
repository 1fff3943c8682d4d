using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactsApi.Common.Json;

/// <summary>Writes times as the spec prints them: <c>2022-12-23T02:29:58.278Z</c>, always three digits.</summary>
public sealed class UtcMillisecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTime().ToUniversalTime();

    // The round-trip format ("O") is the runtime's fast path: 2022-12-23T02:29:58.2780000Z, cut after the
    // milliseconds. A custom format string was parsed again for every time written.
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[28];
        value.ToUniversalTime().TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
        text[23] = (byte)'Z';
        writer.WriteStringValue(text[..24]);
    }
}
