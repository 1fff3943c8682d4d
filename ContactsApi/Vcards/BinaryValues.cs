using System.Buffers;
using System.Buffers.Text;

namespace ContactsApi.Vcards;

/// <summary>
/// Inline binary values. 2.1 and 3.0 write <c>PHOTO;ENCODING=b;TYPE=JPEG:&lt;base64&gt;</c>, 4.0 writes
/// <c>PHOTO:data:image/jpeg;base64,&lt;base64&gt;</c>. The neutral form is 4.0's, so a photo reads the
/// same from any version, and the 3.0 writer turns it back into 3.0's form.
/// </summary>
internal static class BinaryValues
{
    private static readonly SearchValues<char> MediaTypeChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789/.+-");

    /// <summary>The properties 3.0 allows <c>ENCODING=b</c> on.</summary>
    public static bool IsBinaryProperty(string name) =>
        name.Equals("PHOTO", StringComparison.OrdinalIgnoreCase) || name.Equals("LOGO", StringComparison.OrdinalIgnoreCase)
        || name.Equals("SOUND", StringComparison.OrdinalIgnoreCase) || name.Equals("KEY", StringComparison.OrdinalIgnoreCase);

    /// <summary>Moves 3.0's media type (the first TYPE value) into a data URI and drops ENCODING and VALUE=binary.</summary>
    public static string ToDataUri(string propertyName, List<VcardParameter> parameters, string base64)
    {
        var mediaType = "";
        var typeAt = parameters.FindIndex(p => p.Name == VcardParameter.Type);
        if (typeAt >= 0)
        {
            var values = parameters[typeAt].Value.Split(',');
            var type = values[0].Trim();
            mediaType = type.Length == 0 ? "" : MediaTypeOf(propertyName, type);
            if (values.Length == 1) parameters.RemoveAt(typeAt);
            else parameters[typeAt] = new VcardParameter(VcardParameter.Type, string.Join(',', values[1..]));
        }
        parameters.RemoveAll(p => p.Name == VcardParameter.Encoding
            || (p.Name == VcardParameter.ValueType && p.Value.Equals("binary", StringComparison.OrdinalIgnoreCase)));
        return $"data:{mediaType};base64,{base64}";
    }

    public static string MediaTypeOf(string propertyName, string type) =>
        type.Contains('/') ? type.ToLowerInvariant() : Prefix(propertyName) + type.ToLowerInvariant();

    /// <summary>
    /// The 3.0 form of a neutral binary value: the TYPE to write (or "" for none) and the base64, when
    /// the value is a data URI that reads back to itself; otherwise the property goes out as it is.
    /// </summary>
    public static bool TryInline(VcardProperty property, out string type, out ReadOnlySpan<char> base64)
    {
        type = "";
        base64 = default;
        if (!IsBinaryProperty(property.Name) || property.Parameter(VcardParameter.ValueType) is not null) return false;
        var value = property.Value.AsSpan();
        if (!value.StartsWith("data:", StringComparison.Ordinal)) return false;
        var comma = value.IndexOf(',');
        if (comma < 0 || !value[..comma].EndsWith(";base64", StringComparison.Ordinal)) return false;
        var mediaType = value[5..(comma - 7)];
        var payload = value[(comma + 1)..];
        if (mediaType.ContainsAnyExcept(MediaTypeChars) || (!mediaType.IsEmpty && !mediaType.Contains('/'))
            || payload.ContainsAny(' ', '\t') || !Base64.IsValid(payload)) return false;
        var prefix = Prefix(property.Name);
        type = mediaType.StartsWith(prefix, StringComparison.Ordinal) && mediaType.Length > prefix.Length && !mediaType[prefix.Length..].Contains('/')
            ? mediaType[prefix.Length..].ToString().ToUpperInvariant()
            : mediaType.ToString();
        base64 = payload;
        return true;
    }

    private static string Prefix(string propertyName) => propertyName.ToUpperInvariant() switch
    {
        "SOUND" => "audio/",
        "KEY" => "application/",
        _ => "image/",
    };
}
