using System.Text;
using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

/// <summary>Reader cases too small for a corpus file of their own.</summary>
public sealed class VcardReaderTests
{
    private static VcardCard One(string text) => VcardReader.Parse(text).Single().Card!;

    [Fact]
    public void A_quoted_printable_soft_break_keeps_the_next_lines_leading_space_as_text()
    {
        var card = One("BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;QUOTED-PRINTABLE:hello=\r\n world=\r\n=21\r\nEND:VCARD\r\n");

        Assert.Equal("hello world!", card.Note);
    }

    [Fact]
    public void A_soft_break_on_a_cards_last_line_does_not_swallow_its_END()
    {
        var results = VcardReader.Parse("BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE:cut short=\nEND:VCARD\nBEGIN:VCARD\nFN:Next\nEND:VCARD\n");

        Assert.Equal(["cut short", null], results.Select(r => r.Card!.Note));
        Assert.Equal("Next", results[1].Card!.FormattedName);
    }

    [Fact]
    public void A_value_ending_in_an_equals_sign_is_not_a_soft_break_without_quoted_printable()
    {
        var card = One("BEGIN:VCARD\r\nVERSION:3.0\r\nURL;X-NOTE=QUOTED-PRINTABLE:https://example.com/?q=\r\nFN:Equals\r\nEND:VCARD\r\n");

        Assert.Equal("https://example.com/?q=", card.Value("URL"));
        Assert.Equal("Equals", card.FormattedName);
    }

    [Fact]
    public void Old_Mac_line_ends_and_a_UTF_16_file_are_read()
    {
        const string Text = "BEGIN:VCARD\rVERSION:3.0\rFN:Zoë Ångström\rTEL;TYPE=CELL:+46 70 123 45 67\rEND:VCARD\r";

        Assert.Equal("Zoë Ångström", One(Text).FormattedName);
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Text.Replace("\r", "\r\n"))).ToArray();
        var card = VcardReader.Read(new MemoryStream(utf16)).Single().Card!;
        Assert.Equal([new CardPhone("+46 70 123 45 67", "mobile")], card.Phones);
        Assert.Equal("Zoë Ångström", card.FormattedName);
    }

    [Fact]
    public void Only_the_cards_read_so_far_are_read_when_a_caller_stops_early()
    {
        var reads = 0;
        var lines = Enumerable.Range(0, 1_000_000).Select(i => (i % 3) switch { 0 => "BEGIN:VCARD", 1 => $"FN:Card {i / 3}", _ => "END:VCARD" });
        var reader = new CountingReader(lines, () => reads++);

        var first = VcardReader.Read(reader).Take(20_001).Last();

        Assert.Equal((20_000, "Card 20000"), (first.Index, first.Card!.FormattedName));
        Assert.InRange(reads, 60_003, 60_004);
    }

    private sealed class CountingReader(IEnumerable<string> lines, Action onRead) : TextReader
    {
        private readonly IEnumerator<string> _lines = lines.GetEnumerator();

        public override string? ReadLine()
        {
            onRead();
            return _lines.MoveNext() ? _lines.Current : null;
        }
    }
}
