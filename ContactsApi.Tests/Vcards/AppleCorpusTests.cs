using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class AppleCorpusTests
{
    [Fact]
    public void An_iPhone_export_reads_its_numbers_with_Apple_and_custom_labels()
    {
        var cards = Corpus.Cards("ios-contacts.vcf");

        Assert.Equal(3, cards.Count);
        var johnny = cards[0];
        Assert.Equal("3.0", johnny.Version);
        Assert.Equal("Johnny Appleseed", johnny.FormattedName);
        Assert.Equal(new VcardName("Appleseed", "Johnny", "", "", ""), johnny.Name);
        Assert.Equal(
            [
                new CardPhone("+1 (408) 555-0101", "mobile"), new CardPhone("+1 408 555 0102", "mobile"),
                new CardPhone("(408) 555-0103", "home"), new CardPhone("+1 408 555 0104", "Mum's work"),
                new CardPhone("+1 408 555 0105", "work fax"),
            ],
            johnny.Phones);
        Assert.Equal([new CardEmail("johnny@orchard.example", "other"), new CardEmail("j.appleseed@work.example", "work")], johnny.Emails);
    }

    [Fact]
    public void An_iPhone_export_reads_the_address_birthday_without_year_note_and_photo()
    {
        var johnny = Corpus.Cards("ios-contacts.vcf")[0];

        var address = Assert.Single(johnny.Addresses);
        Assert.Equal(new VcardAddress("home", "", "", "12 Orchard Lane\nApt 4", "Cupertino", "CA", "95014", "United States"), address);
        Assert.Equal(new CardAddress("home", "12 Orchard Lane\nApt 4", "Cupertino", "CA", "95014", "United States"), address.ToCardAddress());
        Assert.Equal("--04-12", johnny.Birthday);
        Assert.Equal(["Orchard Supply Co.", ""], johnny.Organization);
        Assert.Equal("Head Gardener", johnny.Title);
        Assert.Equal("Met at the orchard fair.\nLikes Granny Smiths, not Galas.", johnny.Note);
        var photo = johnny.Photo!;
        Assert.Equal("image/jpeg", photo.MediaType);
        Assert.Equal(309, photo.Data!.Length);
        Assert.Equal([0xFF, 0xD8, 0xFF], photo.Data[..3]);
        Assert.Equal([0xFF, 0xD9], photo.Data[^2..]);
    }

    [Fact]
    public void An_iPhone_export_keeps_its_grouped_extras_as_they_came()
    {
        var johnny = Corpus.Cards("ios-contacts.vcf")[0];

        Assert.Equal(new VcardProperty("item5", "X-ABDATE", [new VcardParameter("TYPE", "pref")], "2010-06-19"), johnny.First("X-ABDATE"));
        Assert.Equal("_$!<Anniversary>!$_", johnny.Properties.Single(p => p.Group == "item5" && p.Is("X-ABLabel")).Value);
        Assert.Equal("item3.X-ABADR:us", johnny.First("X-ABADR")!.ToString());
        Assert.Equal("X-SOCIALPROFILE;TYPE=twitter;X-USER=johnnyapple:http://twitter.com/johnnyapple", johnny.First("X-SOCIALPROFILE")!.ToString());
        Assert.Equal("IMPP;X-SERVICE-TYPE=Skype;TYPE=HOME;TYPE=pref:skype:johnny.apple", johnny.First("IMPP")!.ToString());
        Assert.Equal("-//Apple Inc.//iPhone OS 17.5.1//EN", johnny.Value("PRODID"));
    }

    [Fact]
    public void An_iPhone_company_card_has_the_organization_as_its_name_and_Apples_main_label()
    {
        var nursery = Corpus.Cards("ios-contacts.vcf")[1];
        var fields = CardFields.From(nursery);

        Assert.Equal("Green Leaf Nursery", fields.Name);
        Assert.Equal("Green Leaf Nursery", fields.Organization);
        Assert.Equal([new CardPhone("+1 (831) 555-0199", "main")], fields.Phones);
        Assert.Equal("COMPANY", nursery.Value("X-ABShowAs"));
    }

    [Fact]
    public void An_iPhone_card_in_Cyrillic_reads_its_name_address_and_folded_note()
    {
        var taras = Corpus.Cards("ios-contacts.vcf")[2];

        Assert.Equal("Тарас Григорович Шевченко", taras.FormattedName);
        Assert.Equal(new VcardName("Шевченко", "Тарас", "Григорович", "", ""), taras.Name);
        Assert.Equal(new CardAddress("home", "вул. Хрещатик, 1", "Київ", "", "01001", "Україна"), Assert.Single(taras.Addresses).ToCardAddress());
        Assert.Equal("1814-03-09", taras.Birthday);
        Assert.Equal("Поет, письменник, художник. Садок вишневий коло хати, хрущі над вишнями гудуть.", taras.Note);
    }

    [Fact]
    public void A_Mac_export_reads_Apple_dates_related_names_and_a_png_photo()
    {
        var ada = Corpus.Cards("macos-contacts.vcf")[0];

        Assert.Equal("Ada Augusta Lovelace", ada.FormattedName);
        Assert.Equal(["Enchantress of Numbers"], ada.Nicknames);
        Assert.Equal(["Analytical Engines Ltd", "Research"], ada.Organization);
        Assert.Equal([new CardPhone("+44 20 7946 0018", "work"), new CardPhone("+44 20 7946 0000", "main")], ada.Phones);
        Assert.Equal("1815-12-10", ada.Birthday);
        Assert.Equal("5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE:ABPerson", ada.First("X-ABUID")!.Text);
        Assert.Equal([new VcardParameter("X-APPLE-OMIT-YEAR", "1604"), new VcardParameter("TYPE", "pref")], ada.First("X-ABDATE")!.Parameters);
        Assert.Equal(("image/png", 80), (ada.Photo!.MediaType, ada.Photo.Data!.Length));
        Assert.Equal("Analytical Engines Ltd, Research", CardFields.From(ada).Organization);
    }

    [Fact]
    public void A_Mac_export_reads_a_custom_email_label_and_Apples_home_fax()
    {
        var grace = Corpus.Cards("macos-contacts.vcf")[1];

        Assert.Equal([new CardEmail("grace@navy.example", "Book club")], grace.Emails);
        Assert.Equal([new CardPhone("+1 703 555 0198", "mobile"), new CardPhone("+1 703 555 0197", "home fax")], grace.Phones);
        Assert.Equal(new VcardName("Hopper", "Grace", "Brewster Murray", "Rear Admiral", ""), grace.Name);
        Assert.Equal("Found the first actual bug (a moth) in the Mark II relay, 9 September 1947.\nKept it in the logbook.", grace.Note);
    }
}
