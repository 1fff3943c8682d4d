using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class GoogleCorpusTests
{
    [Fact]
    public void A_Google_export_reads_grouped_custom_labels_and_a_photo_link()
    {
        var cards = Corpus.Cards("google-contacts.vcf");
        var marie = CardFields.From(cards[0]);

        Assert.Equal("Marie Curie", marie.Name);
        Assert.Equal(
            [new CardPhone("+33 6 12 34 56 78", "mobile"), new CardPhone("+33 1 23 45 67 89", "home"), new CardPhone("+33 1 98 76 54 32", "Lab")],
            marie.Phones);
        Assert.Equal([new CardEmail("marie@radium.example", "home"), new CardEmail("m.curie@institut.example", "work")], marie.Emails);
        Assert.Equal([new CardAddress("home", "36 Quai de Béthune", "Paris", "", "75004", "France")], marie.Addresses);
        Assert.Equal(new VcardPhoto(null, null, "https://lh3.googleusercontent.com/contacts/AOq-example=s100"), cards[0].Photo);
        // A link is not a photo the contact holds: it is kept as it came.
        Assert.Null(marie.Photo);
        Assert.Contains(cards[0].First("PHOTO")!, marie.Kept);
        Assert.Equal(("1867-11-07", "Two Nobel prizes, physics and chemistry."), (marie.Birthday, marie.Notes));
        Assert.Equal("https://radium.example/marie", cards[0].First("URL")!.Text);
        Assert.Equal(["myContacts", "starred"], VcardText.SplitList(cards[0].Value("CATEGORIES")));
    }

    [Fact]
    public void A_Google_export_reads_custom_labels_on_emails_and_addresses_and_ignores_an_empty_label()
    {
        var pierre = CardFields.From(Corpus.Cards("google-contacts.vcf")[1]);

        Assert.Equal([new CardEmail("pierre@radium.example", "other"), new CardEmail("pc@old-university.example", "Old school")], pierre.Emails);
        Assert.Equal([new CardAddress("Lab", "12 Rue Cuvier", "Paris", "", "75005", "France")], pierre.Addresses);
        Assert.Contains(new VcardProperty("item3", "X-ABLabel", [], ""), pierre.Kept);
    }

    [Fact]
    public void Cards_of_contacts_Google_imported_from_CSV_take_their_name_from_what_they_have()
    {
        var cards = Corpus.Cards("google-csv-origin.vcf").Select(CardFields.From).ToList();

        Assert.Equal(["noname@example.org", "Acme Plumbing", "Sam Lee", "+44 7700 900123"], cards.Select(c => c.Name));
        Assert.Equal([new CardPhone("+1 555 0100 ext. 12", "work")], cards[1].Phones);
        Assert.Equal("Imported from CSV, row 12", cards[1].Notes);
        Assert.Equal([new CardEmail("sam@example.com", "other")], cards[2].Emails);
        Assert.Equal("--12-24", cards[2].Birthday);
        Assert.Equal([new VcardProperty("FN", ""), new VcardProperty("N", ";;;;"), new VcardProperty("CATEGORIES", "Imported on 3/14,myContacts")], cards[0].Kept);
    }
}
