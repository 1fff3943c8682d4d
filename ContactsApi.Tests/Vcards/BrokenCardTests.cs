using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class BrokenCardTests
{
    [Fact]
    public void A_card_without_END_is_reported_with_its_index_and_line_and_the_cards_around_it_are_read()
    {
        var results = Corpus.Read("broken-missing-end.vcf");

        Assert.Equal(
            [
                (0, 1, null),
                (1, 6, "the card has no END:VCARD before the BEGIN:VCARD on line 10"),
                (2, 10, null),
                (3, 15, "the card has no END:VCARD"),
            ],
            results.Select(r => (r.Index, r.Line, r.Failure)));
        Assert.Equal(["Good One", "Good Two"], results.Where(r => r.IsCard).Select(r => r.Card!.FormattedName));
    }

    [Fact]
    public void A_garbage_line_a_bad_name_and_a_nested_object_fail_their_cards_only()
    {
        var results = Corpus.Read("broken-garbage-line.vcf");

        Assert.Equal(
            [
                (0, 1, null),
                (1, 5, "line 8: not a property (no ':')"),
                (2, 11, "line 14: 'TEL CELL' is not a property name"),
                (3, 16, null),
                (4, 21, "line 24: BEGIN:VCALENDAR inside a vCard"),
            ],
            results.Select(r => (r.Index, r.Line, r.Failure)));
        Assert.Equal([new CardPhone("+1 555 0403", "home")], results[3].Card!.Phones);
    }

    [Fact]
    public void Bad_quoted_printable_base64_charset_quoting_and_UTF_8_fail_their_cards_only()
    {
        var results = Corpus.Read("broken-encodings.vcf");

        Assert.Equal(
            [
                (0, 1, null),
                (1, 6, "line 9: quoted-printable value has '=ZZ', which is not a hex escape"),
                (2, 11, "line 14: PHOTO has invalid base64"),
                (3, 17, "line 20: charset 'x-klingon' is not known"),
                (4, 22, "line 25: parameter LABEL has an unterminated quote"),
                (5, 27, "line 30: quoted-printable value is not valid UTF-8"),
                (6, 32, null),
            ],
            results.Select(r => (r.Index, r.Line, r.Failure)));
        Assert.Equal("fine text", results[0].Card!.Note);
        Assert.Equal("Good Last", results[6].Card!.FormattedName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just some text\r\nand more\r\n")]
    [InlineData("\uFEFF\r\n\r\n")]
    [InlineData("END:VCARD\nFN:Stray\nEND:VCARD\n")]
    public void Input_without_any_card_gives_no_results(string text)
    {
        Assert.Empty(VcardReader.Parse(text));
    }
}
