using System.Runtime.CompilerServices;
using System.Text;

namespace ContactsApi.Vcards;

/// <summary>
/// Reads vCard 2.1, 3.0 and 4.0 files card by card, as they stream in: a card that can't be read
/// comes back as a failure with its reason and the rest of the file is still read. Nothing but
/// the input's own I/O errors escapes. The enumeration is lazy, so a caller enforcing a limit on
/// cards simply stops enumerating; the bytes are bounded by whatever limits the stream.
/// </summary>
public static class VcardReader
{
    private const int BufferSize = 1 << 16;

    public static IEnumerable<VcardReadResult> Read(TextReader reader)
    {
        var cards = new CardAssembler();
        while (reader.ReadLine() is { } line)
        {
            cards.Push(line);
            while (cards.TryTake(out var result)) yield return result;
        }
        cards.End();
        while (cards.TryTake(out var result)) yield return result;
    }

    public static async IAsyncEnumerable<VcardReadResult> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cards = new CardAssembler();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            cards.Push(line);
            while (cards.TryTake(out var result)) yield return result;
        }
        cards.End();
        while (cards.TryTake(out var result)) yield return result;
    }

    /// <summary>Reads UTF-8 (a BOM is skipped; a UTF-16 BOM, as some Windows programs write, is honoured). The stream is left open.</summary>
    public static async IAsyncEnumerable<VcardReadResult> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = OpenText(stream);
        await foreach (var result in ReadAsync(reader, cancellationToken)) yield return result;
    }

    public static IEnumerable<VcardReadResult> Read(Stream stream)
    {
        using var reader = OpenText(stream);
        foreach (var result in Read(reader)) yield return result;
    }

    public static IReadOnlyList<VcardReadResult> Parse(string text) => Read(new StringReader(text)).ToList();

    private static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
}
