using System.Text;

namespace ContactsApi.Vcards;

/// <summary>
/// Writes cards as vCard 3.0 or 4.0: CRLF line ends, lines folded at 75 octets (never inside a
/// UTF-8 sequence), parameters quoted when they must be, binary properties as 3.0's
/// <c>ENCODING=b</c> or 4.0's <c>data:</c> URIs. Values are written as the model holds them
/// (already escaped), so a property read from any card goes out exactly as it came.
/// </summary>
public static class VcardWriter
{
    private const int MaxOctets = 75;
    private const int FlushAt = 1 << 15;

    public static void Append(StringBuilder output, VcardCard card, VcardVersion version)
    {
        output.Append("BEGIN:VCARD\r\nVERSION:").Append(version.Text()).Append("\r\n");
        var line = new StringBuilder(128);
        foreach (var property in card.Properties)
        {
            line.Clear();
            AppendContentLine(line, property, version);
            Fold(output, line.ToString());
        }
        output.Append("END:VCARD\r\n");
    }

    public static string ToText(IEnumerable<VcardCard> cards, VcardVersion version)
    {
        var output = new StringBuilder();
        foreach (var card in cards) Append(output, card, version);
        return output.ToString();
    }

    public static string ToText(VcardCard card, VcardVersion version) => ToText([card], version);

    /// <summary>Streams the cards, handing the writer a batch of cards at a time.</summary>
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<VcardCard> cards, VcardVersion version, CancellationToken cancellationToken = default)
    {
        var batch = new StringBuilder(FlushAt * 2);
        await foreach (var card in cards.WithCancellation(cancellationToken))
        {
            Append(batch, card, version);
            if (batch.Length < FlushAt) continue;
            await writer.WriteAsync(batch, cancellationToken);
            batch.Clear();
        }
        await writer.WriteAsync(batch, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Streams the cards as UTF-8 without a BOM. The stream is left open.</summary>
    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<VcardCard> cards, VcardVersion version, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await WriteAsync(writer, cards, version, cancellationToken);
    }

    /// <summary>The unfolded content line in the model's own (4.0) form.</summary>
    internal static string ContentLine(VcardProperty property)
    {
        // Sized for the line at once: an import writes every kept property of every card through here.
        var line = new StringBuilder(property.Value.Length + 64);
        AppendContentLine(line, property, VcardVersion.V4);
        return line.ToString();
    }

    private static void AppendContentLine(StringBuilder line, VcardProperty property, VcardVersion version)
    {
        if (property.Group is not null) line.Append(property.Group).Append('.');
        line.Append(property.Name);
        if (version == VcardVersion.V3 && BinaryValues.TryInline(property, out var type, out var base64)
            && (type.Length > 0 || property.Parameter(VcardParameter.Type) is null))
        {
            // ENCODING and the media type first: a reader takes the first TYPE of a binary value as its media type.
            line.Append(";ENCODING=b");
            if (type.Length > 0) AppendParameter(line, new VcardParameter(VcardParameter.Type, type));
            foreach (var parameter in property.Parameters) AppendParameter(line, parameter);
            line.Append(':').Append(base64);
            return;
        }
        foreach (var parameter in property.Parameters) AppendParameter(line, parameter);
        line.Append(':');
        var value = property.Value;
        // A value never holds a raw line break once read; one set by hand must not end the line.
        line.Append(value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : value.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", @"\n"));
    }

    private static void AppendParameter(StringBuilder line, VcardParameter parameter)
    {
        line.Append(';').Append(parameter.Name).Append('=');
        var value = parameter.Value.AsSpan().IndexOf('\r') < 0 ? parameter.Value : parameter.Value.Replace("\r\n", "\n").Replace('\r', '\n');
        var quote = value.AsSpan().IndexOfAny(':', ';') >= 0 || (parameter.Name != VcardParameter.Type && value.Contains(','));
        if (quote) line.Append('"');
        foreach (var c in value)
        {
            // RFC 6868: the only way to put a quote or a line break in a parameter.
            switch (c)
            {
                case '^': line.Append("^^"); break;
                case '"': line.Append("^'"); break;
                case '\n': line.Append("^n"); break;
                default: line.Append(c); break;
            }
        }
        if (quote) line.Append('"');
    }

    /// <summary>Folds at 75 octets of UTF-8: a continuation line starts with a space, and a character's bytes stay together.</summary>
    private static void Fold(StringBuilder output, string line)
    {
        if (line.Length <= MaxOctets / 3 || (line.Length <= MaxOctets && Encoding.UTF8.GetByteCount(line) <= MaxOctets))
        {
            output.Append(line).Append("\r\n");
            return;
        }
        var used = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]);
            var octets = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (used + octets > MaxOctets)
            {
                output.Append(line, start, i - start).Append("\r\n ");
                start = i;
                used = 1;
            }
            if (pair) i++;
            used += octets;
        }
        output.Append(line, start, line.Length - start).Append("\r\n");
    }
}
