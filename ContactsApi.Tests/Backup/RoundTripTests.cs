using ContactsApi.Tests.Infrastructure;
using ContactsApi.Tests.Vcards;
using ContactsApi.Vcards;
using static ContactsApi.Tests.Backup.BackupCalls;

namespace ContactsApi.Tests.Backup;

/// <summary>
/// Every corpus file through the service and back: import, export as 3.0 and as 4.0, import again. Nothing new
/// is created, everything is unchanged, and every property of every card is in the export. Properties compare
/// as the codec reads them: unfolded, transfer encodings undone, parameter names in one case.
/// </summary>
public sealed class RoundTripTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    public static TheoryData<string> Files => new(Corpus.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_phones_file_comes_back_whole_and_its_export_imported_again_creates_nothing(string file)
    {
        var (cards, preserved) = await RoundTripAsync(file);

        Assert.Equal(cards.Sum(c => c.Properties.Count), preserved);
    }

    [Fact]
    public async Task The_whole_corpus_keeps_every_property_through_the_service()
    {
        var (cards, preserved) = (0, 0);
        foreach (var file in Corpus.Files)
        {
            var (read, kept) = await RoundTripAsync(file);
            cards += read.Count;
            preserved += kept;
        }

        Assert.Equal(58, cards);
        Assert.Equal(423, preserved);
    }

    /// <summary>The file's cards, and how many of their properties both exports hold (each counted once).</summary>
    private async Task<(IReadOnlyList<VcardCard> Cards, int Preserved)> RoundTripAsync(string file)
    {
        var client = await factory.LoggedInClientAsync();
        var cards = Corpus.Read(file).Where(r => r.IsCard).Select(r => r.Card!).ToList();
        var first = await client.ImportAsync(Corpus.Bytes(file));
        Assert.Equal(cards.Count, first.Counts().Created);

        var preserved = 0;
        foreach (var version in new[] { "3.0", "4.0" })
        {
            var export = await client.ExportAsync(version);
            var exported = Cards(export);
            // Contacts go out oldest first: in the order the file gave them.
            Assert.Equal(cards.Count, exported.Count);
            var kept = cards.Zip(exported).Sum(pair => pair.First.Properties.Count(p => pair.Second.Properties.Contains(p)));
            if (version == "3.0") preserved = kept;
            else Assert.Equal(preserved, kept);

            Assert.Equal((0, 0, cards.Count, 0), (await client.ImportAsync(export)).Counts());
        }
        Assert.Equal((0, 0, cards.Count), (await client.ImportAsync(Corpus.Bytes(file))).Counts() is var (c, u, n, _) ? (c, u, n) : default);
        return (cards, preserved);
    }
}
