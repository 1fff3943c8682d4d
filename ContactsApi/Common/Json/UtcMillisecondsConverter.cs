using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactsApi.Common.Json;

/// <summary>Writes times as the spec prints them: <c>2022-12-23T02:29:58.278Z</c>, always three digits.</summary>
public sealed class UtcMillisecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTime().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
