using ContactsApi.Contacts;
using Microsoft.Extensions.Options;

namespace ContactsApi.Tests.Contacts;

/// <summary>The collation's sort keys and names, and the folding searches compare by.</summary>
public sealed class ContactCollationTests
{
    private static ContactCollation Of(string locale) => new(Options.Create(new CollationOptions { Collation = locale }));

    [Theory]
    [InlineData("uk", "uk")]
    [InlineData("und", "root")]
    [InlineData("root", "root")]
    [InlineData("en-US", "en_US")]
    public void MongoDB_gets_ICUs_name_of_the_locale_and_root_for_CLDRs_root_which_it_refuses_as_und(string configured, string mongo) =>
        Assert.Equal(mongo, Of(configured).MongoLocale);

    [Fact]
    public void Sort_keys_ignore_case_width_and_kana_as_ICUs_strength_2_and_keep_accents()
    {
        var uk = Of("uk");
        bool Same(string a, string b) => uk.SortKey(a).AsSpan().SequenceEqual(uk.SortKey(b));

        Assert.True(Same("Анна", "аННА"));
        Assert.True(Same("Ａｎｎａ", "anna"));
        Assert.True(Same("あ", "ア"));
        Assert.True(Same("E\u0301mile", "Émile"));
        Assert.False(Same("Émile", "Emile"));
        Assert.False(Same("Ганна", "Ґанна"));
        Assert.True(uk.SortKey("Ґанна").AsSpan().SequenceCompareTo(uk.SortKey("Ганнуся")) > 0, "ґ is a letter after г in Ukrainian");
        Assert.True(Of("und").SortKey("Ґанна").AsSpan().SequenceCompareTo(Of("und").SortKey("Ганнуся")) < 0, "ґ is a variant of г in root");
    }

    [Theory]
    [InlineData("ΑΛΈΞΑΝΔΡΟΣ", "Αλέξανδρος")]
    [InlineData("АННА", "анна")]
    [InlineData("ÉMILE", "E\u0301mile")]
    [InlineData("STRASSE", "strasse")]
    [InlineData("ſ", "S")]
    public void Search_text_is_folded_alike_in_any_case(string a, string b) =>
        Assert.Equal(SearchText.Fold(a), SearchText.Fold(b));

    [Theory]
    [InlineData("Émile", "Emile")]
    [InlineData("Ґанна", "Ганна")]
    [InlineData("ß", "ss")]
    public void Search_text_keeps_accents_and_letters_apart(string a, string b) =>
        Assert.NotEqual(SearchText.Fold(a), SearchText.Fold(b));

    [Fact]
    public void A_lone_surrogate_is_folded_to_the_replacement_character_as_the_stores_keep_it() =>
        Assert.Equal("a\uFFFDb", SearchText.Fold("A\uD800B"));
}
