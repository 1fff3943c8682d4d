using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ContactsApi.Vcards;

/// <summary>
/// Reads one unfolded content line, <c>[group.]name *(;param) : value</c>, into the version-neutral
/// <see cref="VcardProperty"/>: 2.1's bare parameters are named, quoted-printable and its charset
/// decoded, inline base64 checked and, for the binary properties, turned into a <c>data:</c> URI.
/// </summary>
internal static class ContentLineParser
{
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly SearchValues<char> ValueEnds = SearchValues.Create("\";:");

    // The names nearly every line has, as one string each instead of a copy a line.
    private static readonly string[] CommonNames =
        ["TEL", "EMAIL", "ADR", "FN", "N", "ORG", "TITLE", "BDAY", "NOTE", "PHOTO", "UID", "REV", "PRODID", "URL", "X-ABLabel", "X-ABADR", "NICKNAME"];

    public static VcardProperty Parse(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is not (';' or ':')) i++;
        if (i == line.Length) throw new VcardFormatException("not a property (no ':')");
        var (group, name) = GroupAndName(line.AsSpan(0, i));

        var parameters = new List<VcardParameter>();
        while (line[i] == ';')
        {
            i = ReadParameter(line, i + 1, parameters);
            if (i == line.Length) throw new VcardFormatException("not a property (no ':' after the parameters)");
        }
        var value = line[(i + 1)..];
        return Decode(group, name, parameters, value);
    }

    /// <summary>
    /// The transfer encoding a line's parameters give, as <see cref="Parse"/> takes it (the first
    /// ENCODING, bare 2.1 values included), from as much of the line as has been read; null for none.
    /// </summary>
    public static string? EncodingOf(string line)
    {
        var i = line.AsSpan().IndexOfAny(';', ':');
        if (i < 0) return null;
        var parameters = new List<VcardParameter>();
        try
        {
            while (i < line.Length && line[i] == ';') i = ReadParameter(line, i + 1, parameters);
        }
        catch (VcardFormatException)
        {
            return null;
        }
        return FirstValue(parameters, VcardParameter.Encoding);
    }

    // A loop, not LINQ: this runs for every line of a file.
    private static string? FirstValue(List<VcardParameter> parameters, string name)
    {
        foreach (var parameter in parameters)
            if (parameter.Name == name) return parameter.Value;
        return null;
    }

    private static (string? Group, string Name) GroupAndName(ReadOnlySpan<char> token)
    {
        var dot = token.LastIndexOf('.');
        var name = token[(dot + 1)..];
        var group = dot < 0 ? [] : token[..dot];
        if (name.IsEmpty || name.ContainsAnyExcept(NameChars) || (dot >= 0 && (group.IsEmpty || group.ContainsAnyExcept(NameChars))))
            throw new VcardFormatException($"'{Shorten(token)}' is not a property name");
        return (dot < 0 ? null : group.ToString(), Name(name));
    }

    private static string Name(ReadOnlySpan<char> name)
    {
        foreach (var common in CommonNames)
            if (name.SequenceEqual(common)) return common;
        return name.ToString();
    }

    /// <summary>Reads one parameter starting after its ';'; returns the index of the ';' or ':' that ends it.</summary>
    private static int ReadParameter(string line, int start, List<VcardParameter> parameters)
    {
        var i = start;
        while (i < line.Length && line[i] is not ('=' or ';' or ':')) i++;
        var nameSpan = line.AsSpan(start, i - start).Trim();
        if (i == line.Length || line[i] != '=')
        {
            // vCard 2.1 writes bare values: TEL;CELL;PREF, PHOTO;JPEG;ENCODING=BASE64, NOTE;QUOTED-PRINTABLE.
            if (!nameSpan.IsEmpty)
                parameters.Add(new VcardParameter(BareParameterName(nameSpan), nameSpan.ToString()));
            return i;
        }
        if (nameSpan.IsEmpty || nameSpan.ContainsAnyExcept(NameChars))
            throw new VcardFormatException($"'{Shorten(nameSpan)}' is not a parameter name");

        // Most values are plain (type=CELL): sliced from the line, with no builder for the quotes.
        var valueStart = i + 1;
        var end = line.AsSpan(valueStart).IndexOfAny(ValueEnds);
        end = end < 0 ? line.Length : valueStart + end;
        if (end == line.Length || line[end] != '"')
        {
            parameters.Add(new VcardParameter(UpperName(nameSpan), CaretDecode(line.Substring(valueStart, end - valueStart))));
            return end;
        }

        var value = new StringBuilder();
        var quoted = false;
        for (i++; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is ';' or ':') break;
            else value.Append(c);
        }
        if (quoted) throw new VcardFormatException($"parameter {nameSpan} has an unterminated quote");
        parameters.Add(new VcardParameter(UpperName(nameSpan), CaretDecode(value.ToString())));
        return i;
    }

    private static string BareParameterName(ReadOnlySpan<char> value) =>
        IsAnyOf(value, "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT") ? VcardParameter.Encoding
        : IsAnyOf(value, "INLINE", "URL", "URI", "CID", "CONTENT-ID") ? VcardParameter.ValueType
        : VcardParameter.Type;

    private static bool IsAnyOf(ReadOnlySpan<char> value, params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string UpperName(ReadOnlySpan<char> name) => name switch
    {
        "TYPE" or "type" or "Type" => VcardParameter.Type,
        "ENCODING" => VcardParameter.Encoding,
        "CHARSET" => VcardParameter.Charset,
        "VALUE" => VcardParameter.ValueType,
        _ => name.ToString().ToUpperInvariant(),
    };

    /// <summary>RFC 6868: ^n is a line break, ^' a double quote, ^^ a caret; any other caret stays.</summary>
    private static string CaretDecode(string s)
    {
        if (!s.Contains('^')) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (s[i] == '^' && next is 'n' or '\'' or '^')
            {
                sb.Append(next switch { 'n' => '\n', '\'' => '"', _ => '^' });
                i++;
            }
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static VcardProperty Decode(string? group, string name, List<VcardParameter> parameters, string value)
    {
        var encoding = FirstValue(parameters, VcardParameter.Encoding);
        var charset = FirstValue(parameters, VcardParameter.Charset);
        // The text is Unicode from here on and leaves as UTF-8: the charset has done its work.
        if (charset is not null) parameters.RemoveAll(p => p.Name == VcardParameter.Charset);

        switch (encoding?.ToUpperInvariant())
        {
            case null:
                break;
            case "QUOTED-PRINTABLE":
                parameters.RemoveAll(p => p.Name == VcardParameter.Encoding);
                value = EscapeLineBreaks(QuotedPrintable.Decode(value, charset));
                break;
            case "B" or "BASE64":
                value = StripWhitespace(value);
                if (!Base64.IsValid(value)) throw new VcardFormatException($"{name} has invalid base64");
                if (BinaryValues.IsBinaryProperty(name)) value = BinaryValues.ToDataUri(name, parameters, value);
                else parameters[parameters.FindIndex(p => p.Name == VcardParameter.Encoding)] = new(VcardParameter.Encoding, "b");
                break;
            case "8BIT" or "7BIT":
                parameters.RemoveAll(p => p.Name == VcardParameter.Encoding);
                break;
        }
        return new VcardProperty(group, name, parameters, value);
    }

    /// <summary>Quoted-printable carries real line breaks (=0D=0A); the neutral form escapes them, as 3.0 and 4.0 do.</summary>
    private static string EscapeLineBreaks(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0) return text;
        return text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", @"\n");
    }

    private static string StripWhitespace(string value) =>
        value.AsSpan().IndexOfAny(" \t\r\n") < 0 ? value : string.Concat(value.Where(c => c is not (' ' or '\t' or '\r' or '\n')));

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : $"{text[..40]}…";
}
