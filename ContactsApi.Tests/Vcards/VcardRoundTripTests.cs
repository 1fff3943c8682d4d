using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

/// <summary>What goes out comes back: codec-level round trips over the whole corpus.</summary>
public sealed class VcardRoundTripTests
{
    public static TheoryData<string> Files => new(Corpus.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_card_written_as_3_0_and_4_0_reads_back_to_the_same_properties(string file)
    {
        var cards = Corpus.Read(file).Where(r => r.IsCard).Select(r => r.Card!).ToList();

        foreach (var version in new[] { VcardVersion.V3, VcardVersion.V4 })
        {
            var again = VcardReader.Parse(VcardWriter.ToText(cards, version));
            Assert.All(again, r => Assert.True(r.IsCard, r.Failure));
            Assert.Equal(cards.Count, again.Count);
            Assert.All(cards.Zip(again), pair => Assert.Equal(pair.First.Properties, pair.Second.Card!.Properties));
        }
    }

    [Fact]
    public void The_whole_corpus_keeps_all_its_properties_through_both_versions()
    {
        var cards = Corpus.Files.SelectMany(f => Corpus.Read(f)).Where(r => r.IsCard).Select(r => r.Card!).ToList();
        var properties = cards.Sum(c => c.Properties.Count);

        var preserved = new[] { VcardVersion.V3, VcardVersion.V4 }.Select(version =>
            cards.Zip(VcardReader.Parse(VcardWriter.ToText(cards, version)))
                .Sum(pair => pair.First.Properties.Zip(pair.Second.Card!.Properties).Count(p => p.First.Equals(p.Second))));

        Assert.Equal(58, cards.Count);
        Assert.Equal(423, properties);
        Assert.Equal([423, 423], preserved);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_card_read_into_contact_fields_and_written_back_keeps_every_property_and_reads_as_unchanged(string file)
    {
        foreach (var card in Corpus.Read(file).Where(r => r.IsCard).Select(r => r.Card!))
        {
            var fields = CardFields.From(card);
            var written = fields.ToCard();

            Assert.All(card.Properties, p => Assert.Contains(p, written.Properties));
            var again = VcardReader.Parse(VcardWriter.ToText(written, VcardVersion.V3)).Single().Card!;
            Assert.True(CardFields.From(again).SameAs(fields), $"{file}: {card.FormattedName} changed on the way out and back");
        }
    }

    [Fact]
    public void A_content_line_stored_as_text_parses_back_to_the_same_property()
    {
        var properties = Corpus.Files.SelectMany(Corpus.Read).Where(r => r.IsCard).SelectMany(r => r.Card!.Properties).ToList();

        Assert.All(properties, p => Assert.Equal(p, VcardProperty.Parse(p.ToString())));
    }
}
