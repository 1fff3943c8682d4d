using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class AndroidCorpusTests
{
    [Fact]
    public void An_Android_2_1_export_decodes_quoted_printable_Cyrillic_across_soft_line_breaks()
    {
        var lina = Corpus.Cards("android-2.1.vcf")[0];

        Assert.Equal("2.1", lina.Version);
        Assert.Equal(new VcardName("Костенко", "Ліна", "Василівна", "", ""), lina.Name);
        Assert.Equal("Ліна Костенко", lina.FormattedName);
        Assert.Equal(new CardAddress("home", "вул. Саксаганського, 5, кв. 12", "Київ", "", "01033", "Україна"), Assert.Single(lina.Addresses).ToCardAddress());
        Assert.Equal(["Спілка письменників України"], lina.Organization);
        Assert.Equal("Перший рядок\nДругий рядок = кінець", lina.Note);
        Assert.Equal("vnd.android.cursor.item/nickname;Ліна;1;;;;;;;;;;;;;", lina.Value("X-ANDROID-CUSTOM"));
        Assert.DoesNotContain(lina.Properties, p => p.Parameters.Any(x => x.Name is "CHARSET" or "ENCODING"));
    }

    [Fact]
    public void An_Android_2_1_export_reads_bare_types_and_custom_labels()
    {
        var cards = Corpus.Cards("android-2.1.vcf");

        Assert.Equal(
            [new CardPhone("+380501234567", "mobile"), new CardPhone("+380441234567", "home"), new CardPhone("+380671112233", "Mum")],
            cards[0].Phones);
        Assert.Equal([new VcardParameter("TYPE", "CELL"), new VcardParameter("TYPE", "PREF")], cards[0].First("TEL")!.Parameters);
        Assert.Equal([new CardEmail("lina@example.ua", "home")], cards[0].Emails);
        Assert.Equal(
            [new CardPhone("+44 20 7946 0999", "work fax"), new CardPhone("+44 20 7946 0998", "pager"), new CardPhone("+44 20 7946 0997", "work")],
            cards[1].Phones);
        Assert.Equal("On call:\nweekdays 9-17 =\nweekends never", cards[1].Note);
    }

    [Fact]
    public void An_Android_2_1_photo_folded_with_spaces_and_ended_by_a_blank_line_is_read_whole()
    {
        var lina = Corpus.Cards("android-2.1.vcf")[0];

        Assert.Equal(("image/jpeg", 309), (lina.Photo!.MediaType, lina.Photo.Data!.Length));
        Assert.Equal("1930-03-19", lina.Birthday);
    }

    [Fact]
    public void An_Android_3_0_export_reads_custom_TYPE_labels_titles_and_a_birthday_without_year()
    {
        var cards = Corpus.Cards("android-3.0.vcf");
        var jane = CardFields.From(cards[0]);

        Assert.Equal("Dr. Jane Q. Doe PhD", jane.Name);
        Assert.Equal(
            [new CardPhone("+1-202-555-0147", "mobile"), new CardPhone("+1-202-555-0148", "work"), new CardPhone("+1-202-555-0149", "Lab bench")],
            jane.Phones);
        Assert.Equal([new CardEmail("jane.doe@lab.example", "work"), new CardEmail("jdoe@conf.example", "Conference")], jane.Emails);
        Assert.Equal([new CardAddress("work", "1 Science Park\nBuilding 7", "Cambridge", "MA", "02139", "USA")], jane.Addresses);
        Assert.Equal(("Lab of Things", "Principal Investigator", "--06-21"), (jane.Organization, jane.Title, jane.Birthday));
        Assert.Equal("Prefers email.\nOffice hours Tue/Thu.", jane.Notes);
        Assert.Equal(("image/png", 80), (jane.Photo!.MediaType, jane.Photo.Data!.Length));
        Assert.Equal(["JQ"], cards[0].Nicknames);
        Assert.Equal("Plumber", CardFields.From(cards[1]).Name);
    }

    [Fact]
    public void A_feature_phone_2_1_card_reads_raw_UTF_8_and_an_unindented_base64_photo()
    {
        var cards = Corpus.Cards("feature-phone-2.1.vcf");

        Assert.Equal(2, cards.Count);
        Assert.Equal(new VcardName("Müller", "Jürgen", "", "", ""), cards[0].Name);
        Assert.Equal("Jürgen Müller", cards[0].FormattedName);
        Assert.Equal([new CardPhone("+49 170 1234567", "mobile"), new CardPhone("+49 30 1234567", "home")], cards[0].Phones);
        Assert.Equal(("image/jpeg", 309), (cards[0].Photo!.MediaType, cards[0].Photo!.Data!.Length));
        Assert.Equal("000200000123", cards[0].Value("X-IRMC-LUID"));
        Assert.Equal([new CardPhone("+49 170 7654321", "mobile")], cards[1].Phones);
    }
}
