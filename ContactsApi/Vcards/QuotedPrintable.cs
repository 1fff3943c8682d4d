using System.Text;

namespace ContactsApi.Vcards;

/// <summary>
/// vCard 2.1's quoted-printable (RFC 2045 §6.7) with the <c>CHARSET</c> parameter. Soft line breaks
/// are already joined by the reader; what is left is <c>=XX</c> escapes and plain characters.
/// </summary>
internal static class QuotedPrintable
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static string Decode(string value, string? charset)
    {
        var bytes = new List<byte>(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '=')
            {
                if (i + 1 == value.Length) break; // a soft break on the very last line
                if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                    throw new VcardFormatException($"quoted-printable value has '={Peek(value, i + 1)}', which is not a hex escape");
                bytes.Add((byte)(HexValue(value[i + 1]) * 16 + HexValue(value[i + 2])));
                i += 2;
            }
            else if (c < 0x80) bytes.Add((byte)c);
            else
            {
                // A writer that left non-ASCII text unencoded meant its UTF-8.
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                    ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
                for (var b = 0; b < length; b++) bytes.Add(utf8[b]);
            }
        }
        var encoding = EncodingFor(charset, bytes);
        try
        {
            return encoding.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new VcardFormatException($"quoted-printable value is not valid {charset ?? "UTF-8"}");
        }
    }

    /// <summary>
    /// The charset named, else UTF-8; bytes that are not UTF-8 and name no charset are Windows-1252,
    /// which is what 2.1 writers such as Outlook meant by their 8-bit default.
    /// </summary>
    private static Encoding EncodingFor(string? charset, List<byte> bytes)
    {
        if (charset is null)
            return System.Text.Unicode.Utf8.IsValid(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)) ? StrictUtf8 : Windows1252();
        if (charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
            return StrictUtf8;
        return System.Text.CodePagesEncodingProvider.Instance.GetEncoding(charset)
            ?? TryBuiltIn(charset)
            ?? throw new VcardFormatException($"charset '{charset}' is not known");
    }

    private static Encoding? TryBuiltIn(string charset)
    {
        try { return Encoding.GetEncoding(charset); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException) { return null; }
    }

    private static Encoding Windows1252() => System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string Peek(string value, int at) => value.Substring(at, Math.Min(2, value.Length - at));
}
