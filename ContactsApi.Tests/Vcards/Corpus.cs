using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

/// <summary>The corpus files (see Corpus/README.md), read as the service reads an upload: as a stream.</summary>
internal static class Corpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Vcards", "Corpus");

    public static IReadOnlyList<string> Files =>
        Directory.GetFiles(Folder, "*.vcf").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    public static IReadOnlyList<VcardReadResult> Read(string file)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, file));
        return VcardReader.Read(stream).ToList();
    }

    /// <summary>The file's cards, asserting that every one of them was read.</summary>
    public static IReadOnlyList<VcardCard> Cards(string file)
    {
        var results = Read(file);
        Assert.All(results, r => Assert.True(r.IsCard, $"{file} card {r.Index}: {r.Failure}"));
        return results.Select(r => r.Card!).ToList();
    }

    public static string Value(this VcardCard card, string name) => Assert.Single(card.All(name)).Value;
}
