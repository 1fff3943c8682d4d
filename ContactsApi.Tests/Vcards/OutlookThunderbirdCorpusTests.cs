using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class OutlookThunderbirdCorpusTests
{
    [Fact]
    public void An_Outlook_card_reads_its_quoted_printable_label_and_a_Windows_1252_note()
    {
        var john = Corpus.Cards("outlook-2.1.vcf")[0];

        Assert.Equal("One Contoso Way\nRedmond, WA 98052\nUnited States of America", john.First("LABEL")!.Text);
        Assert.Equal([new VcardParameter("TYPE", "WORK"), new VcardParameter("TYPE", "PREF")], john.First("LABEL")!.Parameters);
        Assert.Equal("Café meeting every Tuesday.\nBring the résumé.", john.Note);
        Assert.Equal(
            [new CardPhone("(425) 555-0100", "work"), new CardPhone("(425) 555-0101", "mobile"), new CardPhone("(425) 555-0102", "work fax")],
            john.Phones);
        Assert.Equal([new CardEmail("john.doe@contoso.example", "other")], john.Emails);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero), john.Revision);
        Assert.Equal(new VcardName("Doe", "John", "", "", ""), john.Name);
        Assert.Equal([new VcardParameter("LANGUAGE", "en-us")], john.First("N")!.Parameters);
        Assert.StartsWith("<card xmlns=\"http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards\"", john.Value("X-MS-OL-DESIGN"));
        Assert.Empty(john.First("X-MS-OL-DESIGN")!.Parameters);
    }

    [Fact]
    public void An_Outlook_card_in_Windows_1251_and_one_with_a_long_UTF_8_note_are_decoded()
    {
        var cards = Corpus.Cards("outlook-2.1.vcf");

        Assert.Equal(new VcardName("Петров", "Иван", "", "", ""), cards[1].Name);
        Assert.Equal("Иван Петров", cards[1].FormattedName);
        Assert.Equal("Grüße aus Berlin! Das Büro ist am Alexanderplatz, gleich neben der Weltzeituhr.\nZweite Zeile.", cards[2].Note);
    }

    [Fact]
    public void A_Thunderbird_4_0_card_reads_its_typed_numbers_date_and_uid()
    {
        var alan = CardFields.From(Corpus.Cards("thunderbird.vcf")[0]);

        Assert.Equal("Alan Turing", alan.Name);
        Assert.Equal([new CardPhone("+44 1908 640404", "work"), new CardPhone("+44 7700 900456", "mobile")], alan.Phones);
        Assert.Equal([new CardEmail("alan@turing.example", "other")], alan.Emails);
        Assert.Equal([new CardAddress("home", "Hollymeade, Adlington Road", "Wilmslow", "Cheshire", "SK9 2BW", "United Kingdom")], alan.Addresses);
        Assert.Equal(("1912-06-23", "3b5c7f0e-2a9d-4e3c-8a71-5f4a2b1c9d00"), (alan.Birthday, alan.Uid));
        Assert.Equal("Government Code and Cypher School, Hut 8", alan.Organization);
        Assert.Equal("Bletchley Park\nHut 8", alan.Notes);
    }

    [Fact]
    public void An_old_Thunderbird_card_in_lower_case_with_its_version_last_is_read()
    {
        var grace = Corpus.Cards("thunderbird.vcf")[1];

        Assert.Equal("2.1", grace.Version);
        Assert.Equal("Grace Hopper", grace.FormattedName);
        Assert.Equal([new CardPhone("+1 703 555 0199", "work"), new CardPhone("+1 703 555 0198", "mobile")], grace.Phones);
        Assert.Equal([new CardEmail("grace.hopper@navy.example", "other")], grace.Emails);
        Assert.Equal(new VcardAddress("other", "", "", "", "Arlington", "VA", "", "USA"), Assert.Single(grace.Addresses));
        Assert.Equal("FALSE", grace.Value("x-mozilla-html"));
    }
}
