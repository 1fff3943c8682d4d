using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class SyntaxCorpusTests
{
    [Fact]
    public void A_file_with_a_byte_order_mark_and_CRLF_reads_every_version()
    {
        var results = Corpus.Read("bom-crlf.vcf");

        Assert.Equal([(0, 1), (1, 7), (2, 12)], results.Select(r => (r.Index, r.Line)));
        var cards = results.Select(r => r.Card!).ToList();
        Assert.Equal(["3.0", "4.0", "2.1"], cards.Select(c => c.Version));
        Assert.Equal(["Bom First", "Bom Second", "Bom Third"], cards.Select(c => CardFields.From(c).Name));
    }

    [Fact]
    public void Lines_folded_with_spaces_and_tabs_anywhere_are_joined_and_multibyte_text_is_whole()
    {
        var cards = Corpus.Cards("lf-folded.vcf");
        var card = cards[0];

        Assert.Equal(string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 4)) + "End.", card.Note);
        Assert.Equal("EMAIL;TYPE=WORK:folded@example.com", card.First("EMAIL")!.ToString());
        Assert.Equal("TEL;TYPE=CELL:+1 555 0199", card.First("TEL")!.ToString());
        Assert.Equal(string.Concat(Enumerable.Repeat("東京都千代田区千代田一丁目一番一号、皇居の近くにある小さな家。", 2)), card.Value("X-CJK"));
        Assert.Equal(string.Concat(Enumerable.Repeat("Party 🎉 time 🥳 with 👩‍👩‍👧‍👦 family and 🇺🇦 flag ", 3)), card.Value("X-EMOJI"));
        Assert.Equal("Tab Folded", cards[1].FormattedName);
    }

    [Fact]
    public void Parameters_read_the_same_in_every_form_they_are_written()
    {
        var card = Corpus.Cards("params-variety.vcf")[0];

        Assert.Equal(["mobile", "mobile", "mobile", "home fax", "work", "pager", "car"], card.Phones.Select(p => p.Label));
        Assert.Equal(
            [["cell", "voice"], ["CELL", "PREF"], ["CELL", "PREF"], ["HOME", "FAX"], ["work", "voice"], ["pager"], ["Car"]],
            card.All("TEL").Select(t => t.Types.ToArray()));
        Assert.Equal("1", card.All("TEL").ElementAt(4).Parameter("PREF"));
        Assert.Equal("1 Main St.\nSpringfield, IL: 62701", card.First("ADR")!.Parameter("LABEL"));
        var custom = card.First("X-CUSTOM")!;
        Assert.Equal([new VcardParameter("X-EMPTY", ""), new VcardParameter("X-QUOTE", "say \"hi\" ^ caret")], custom.Parameters);
        Assert.Equal("value with: colon", custom.Value);
        Assert.Equal(new VcardProperty(null, "X-SPACES", [new VcardParameter("X-PAD", " padded ")], "  leading and trailing  "), card.First("X-SPACES"));
        Assert.Equal("en-GB", card.First("NOTE")!.Parameter("language"));
    }

    [Fact]
    public void Version_4_parameters_PREF_and_quoted_lists_are_read()
    {
        var card = Corpus.Cards("params-variety.vcf")[1];

        Assert.Equal([new CardPhone("+1-555-555-5555;ext=5555", "home")], card.Phones);
        Assert.Equal([new CardEmail("four@example.com", "work"), new CardEmail("four@home.example", "home")], card.Emails);
        var adr = card.First("ADR")!;
        Assert.Equal(("geo:51.5,-0.12", "Europe/London"), (adr.Parameter("GEO"), adr.Parameter("TZ")));
    }

    [Fact]
    public void Escaped_text_and_structured_values_split_only_on_unescaped_separators()
    {
        var card = Corpus.Cards("escapes.vcf")[0];

        Assert.Equal("Mr. John Q. Public, Esq.", card.FormattedName);
        Assert.Equal(["ABC, Inc.", "North American Division", "Marketing"], card.Organization);
        Assert.Equal("Suite 5; Floor 2\n100 Main St.", Assert.Single(card.Addresses).Street);
        Assert.Equal("Backslash \\ comma , semicolon ; newline\nupper \n done", card.Note);
        Assert.Equal(["Jim", "Jimmie", "J,J"], card.Nicknames);
        Assert.Equal("Director, Research and Development", card.Title);
        Assert.Equal("C:\\Users\\jq", card.First("X-PATH")!.Text);
    }

    [Fact]
    public void Cards_of_three_versions_with_mixed_line_ends_and_text_between_them_are_all_read()
    {
        var results = Corpus.Read("mixed-versions.vcf");

        Assert.Equal([(0, 1), (1, 8), (2, 16)], results.Select(r => (r.Index, r.Line)));
        var names = results.Select(r => CardFields.From(r.Card!)).Select(f => (f.Name, f.Phones.FirstOrDefault(), f.Emails.FirstOrDefault()));
        Assert.Equal(
            [
                ("Two Mixed", new CardPhone("+1 555 0201", "work"), null),
                ("Mixed Three", null, new CardEmail("three@example.com", "other")),
                ("Mixed Four", new CardPhone("+1-555-0204", "mobile"), null),
            ],
            names);
    }

    [Fact]
    public async Task Reading_a_stream_asynchronously_gives_what_reading_it_synchronously_gives()
    {
        foreach (var file in Corpus.Files)
        {
            await using var stream = new MemoryStream(Corpus.Bytes(file));
            var results = new List<VcardReadResult>();
            await foreach (var result in VcardReader.ReadAsync(stream)) results.Add(result);

            var expected = Corpus.Read(file);
            Assert.Equal(expected.Select(r => (r.Index, r.Line, r.Failure)), results.Select(r => (r.Index, r.Line, r.Failure)));
            Assert.Equal(expected.Select(r => r.Card?.Properties.Count), results.Select(r => r.Card?.Properties.Count));
            Assert.All(expected.Zip(results), pair => Assert.Equal(pair.First.Card?.Properties ?? [], pair.Second.Card?.Properties ?? []));
        }
    }
}
