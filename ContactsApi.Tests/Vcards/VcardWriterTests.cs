using System.Text;
using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class VcardWriterTests
{
    private static readonly VcardCard Small = new("2.1",
    [
        new VcardProperty("FN", "Ада Лавлейс"),
        new VcardProperty("item1", "TEL", [new VcardParameter("TYPE", "cell,voice")], "+44 20 7946 0018"),
        new VcardProperty("item1", "X-ABLabel", [], "Lab\\, upstairs"),
        new VcardProperty("ADR", ";;1 Main St.\\nFloor 2;London;;SW1;UK", new VcardParameter("LABEL", "1 Main\n\"2\"; Ldn: UK, ^")),
    ]);

    [Fact]
    public void A_card_is_written_with_CRLF_its_version_and_quoted_caret_encoded_parameters()
    {
        const string Properties =
            "FN:Ада Лавлейс\r\n" +
            "item1.TEL;TYPE=cell,voice:+44 20 7946 0018\r\n" +
            "item1.X-ABLabel:Lab\\, upstairs\r\n" +
            "ADR;LABEL=\"1 Main^n^'2^'; Ldn: UK, ^^\":;;1 Main St.\\nFloor 2;London;;SW1;UK\r\n";

        Assert.Equal("BEGIN:VCARD\r\nVERSION:3.0\r\n" + Properties + "END:VCARD\r\n", VcardWriter.ToText(Small, VcardVersion.V3));
        Assert.Equal("BEGIN:VCARD\r\nVERSION:4.0\r\n" + Properties + "END:VCARD\r\n", VcardWriter.ToText(Small, VcardVersion.V4));
    }

    [Fact]
    public void A_long_line_is_folded_at_75_octets_keeping_each_character_whole()
    {
        var note = string.Concat(Enumerable.Repeat("Привіт, 世界 🎉 ", 10));
        var text = VcardWriter.ToText(new VcardCard("", [new VcardProperty("NOTE", VcardText.Escape(note))]), VcardVersion.V3);

        var lines = text.Split("\r\n")[2..^2];
        Assert.True(lines.Length > 3);
        Assert.All(lines[..^1], l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 72, 75));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.All(lines, l => Assert.False(char.IsHighSurrogate(l[^1])));
        Assert.Equal(note, VcardReader.Parse(text).Single().Card!.Note + " ");
    }

    [Fact]
    public void An_inline_photo_is_written_as_ENCODING_b_in_3_0_and_as_a_data_URI_in_4_0()
    {
        var card = Corpus.Cards("photos.vcf")[1];
        var base64 = Convert.ToBase64String(card.Photo!.Data!);

        var v3 = VcardWriter.ToText(card, VcardVersion.V3).Split("\r\n");
        var v4 = VcardWriter.ToText(card, VcardVersion.V4).Split("\r\n");

        Assert.Equal(108, base64.Length);
        Assert.Equal(["PHOTO;ENCODING=b;TYPE=PNG:" + base64[..49], " " + base64[49..], "END:VCARD"], v3[3..6]);
        Assert.Equal(["PHOTO:data:image/png;base64," + base64[..47], " " + base64[47..], "END:VCARD"], v4[3..6]);
    }

    [Fact]
    public void A_binary_value_whose_media_type_3_0_cannot_say_goes_out_as_its_data_URI()
    {
        var card = new VcardCard("4.0", [new VcardProperty("PHOTO", "data:image/svg+xml;charset=utf-8;base64,PHN2Zz48L3N2Zz4=")]);

        Assert.Contains("\r\nPHOTO:data:image/svg+xml;charset=utf-8;base64,PHN2Zz48L3N2Zz4=\r\n", VcardWriter.ToText(card, VcardVersion.V3));
    }

    [Fact]
    public void A_value_set_with_raw_line_breaks_is_written_on_one_line()
    {
        var card = new VcardCard("", [new VcardProperty("NOTE", "one\r\ntwo\rthree\nfour")]);

        Assert.Equal("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:one\\ntwo\\nthree\\nfour\r\nEND:VCARD\r\n", VcardWriter.ToText(card, VcardVersion.V3));
    }

    [Fact]
    public async Task Writing_to_a_stream_gives_UTF_8_without_a_byte_order_mark_card_after_card()
    {
        var cards = Corpus.Cards("ios-contacts.vcf");
        await using var stream = new MemoryStream();

        await VcardWriter.WriteAsync(stream, cards.ToAsyncEnumerable(), VcardVersion.V3);

        Assert.Equal(Encoding.UTF8.GetBytes(VcardWriter.ToText(cards, VcardVersion.V3)), stream.ToArray());
        Assert.True(stream.CanWrite);
    }

    [Theory]
    [InlineData("3.0", true, VcardVersion.V3)]
    [InlineData("4.0", true, VcardVersion.V4)]
    [InlineData("2.1", false, VcardVersion.V3)]
    [InlineData("4", false, VcardVersion.V3)]
    [InlineData(null, false, VcardVersion.V3)]
    public void Only_3_0_and_4_0_are_versions_to_write(string? text, bool valid, VcardVersion version)
    {
        Assert.Equal((valid, version), (VcardVersions.TryParse(text, out var parsed), parsed));
    }
}
