using System.Buffers;
using System.Text;

namespace ContactsApi.Vcards;

/// <summary>vCard's text escaping (RFC 6350 §3.4, RFC 2426 §5): <c>\\</c>, <c>\,</c>, <c>\;</c> and <c>\n</c>.</summary>
public static class VcardText
{
    private static readonly SearchValues<char> NeedEscape = SearchValues.Create("\\,;\r\n");

    /// <summary>Escapes a text value or one component of a structured value. Line breaks (CRLF, CR, LF) become <c>\n</c>.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(NeedEscape) < 0) return text;
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\': sb.Append(@"\\"); break;
                case ',': sb.Append(@"\,"); break;
                case ';': sb.Append(@"\;"); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    sb.Append(@"\n");
                    break;
                case '\n': sb.Append(@"\n"); break;
                default: sb.Append(text[i]); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Undoes escaping. <c>\:</c> (which Google writes in URLs) is read as <c>:</c>; any other backslash stays as it is.</summary>
    public static string Unescape(ReadOnlySpan<char> value)
    {
        if (value.IndexOf('\\') < 0) return value.ToString();
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '\\' || i + 1 == value.Length)
            {
                sb.Append(c);
                continue;
            }
            var next = value[i + 1];
            switch (next)
            {
                case 'n' or 'N': sb.Append('\n'); i++; break;
                case '\\' or ',' or ';' or ':': sb.Append(next); i++; break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Splits a structured value on its unescaped <c>;</c> and unescapes each component.</summary>
    public static IReadOnlyList<string> SplitComponents(string value) => Split(value, ';');

    /// <summary>Splits a list value (NICKNAME, CATEGORIES) on its unescaped <c>,</c> and unescapes each item.</summary>
    public static IReadOnlyList<string> SplitList(string value) => Split(value, ',');

    /// <summary>Joins components into a structured value, escaping each.</summary>
    public static string JoinComponents(params IEnumerable<string> components) => string.Join(';', components.Select(Escape));

    private static List<string> Split(string value, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\') i++;
            else if (value[i] == separator)
            {
                parts.Add(Unescape(value.AsSpan(start, i - start)));
                start = i + 1;
            }
        }
        parts.Add(Unescape(value.AsSpan(Math.Min(start, value.Length))));
        return parts;
    }
}
