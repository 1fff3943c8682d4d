using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class RfcCorpusTests
{
    [Fact]
    public void The_RFC_2426_example_cards_are_read_with_their_folded_addresses()
    {
        var cards = Corpus.Cards("rfc2426-examples.vcf");

        Assert.Equal(3, cards.Count);
        var frank = CardFields.From(cards[0]);
        Assert.Equal(("Frank Dawson", "Lotus Development Corporation"), (frank.Name, frank.Organization));
        Assert.Equal([new CardAddress("work", "6544 Battleford Drive", "Raleigh", "NC", "27613-3502", "U.S.A.")], frank.Addresses);
        Assert.Equal([new CardPhone("+1-919-676-9515", "work"), new CardPhone("+1-919-676-9564", "work fax")], frank.Phones);
        Assert.Equal([new CardEmail("Frank_Dawson@Lotus.com", "other"), new CardEmail("fdawson@earthlink.net", "other")], frank.Emails);
        Assert.Equal(";;501 E. Middlefield Rd.;Mountain View;CA; 94043;U.S.A.", cards[1].Value("ADR"));
        Assert.Equal("94043", Assert.Single(cards[1].Addresses).PostalCode);
    }

    [Fact]
    public void The_RFC_2426_property_examples_are_read_with_escapes_binary_values_and_the_agent()
    {
        var card = Corpus.Cards("rfc2426-examples.vcf")[2];

        Assert.Equal("Mr. John Q. Public, Esq.", card.FormattedName);
        Assert.Equal(new VcardName("Public", "John", "Quinlan", "Mr.", "Esq."), card.Name);
        Assert.Equal("Mr.John Q. Public, Esq.\nMail Drop: TNE QB\n123 Main Street\nAny Town, CA  91921-1234\nU.S.A.", card.First("LABEL")!.Text);
        Assert.Equal("This fax number is operational 0800 to 1715 EST, Mon-Fri.", card.Note);
        Assert.Equal("BEGIN:VCARD\nFN:Susan Thomas\nTEL:+1-919-555-1234\nEMAIL;INTERNET:sthomas@host.com\nEND:VCARD\n", card.First("AGENT")!.Text);
        Assert.Equal(["ABC, Inc.", "North American Division", "Marketing"], card.Organization);
        Assert.StartsWith("data:audio/basic;base64,MIICajCCAdOgAwIBAgICBEUwDQYJKoZIhvcN", card.Value("SOUND"));
        Assert.Empty(card.First("SOUND")!.Parameters);
        Assert.StartsWith("data:;base64,MIICajCC", card.Value("KEY"));
        Assert.Equal(new DateTimeOffset(1995, 10, 31, 22, 27, 10, TimeSpan.Zero), card.Revision);
        Assert.Equal("19950401-080045-40000F192713-0052", card.Uid);
        Assert.Equal(new VcardPhoto(null, null, "http://www.abc.com/pub/photos/jqpublic.gif"), card.Photo);
    }

    [Fact]
    public void The_RFC_6350_author_card_is_read_with_tel_URIs_and_a_folded_key()
    {
        var simon = Corpus.Cards("rfc6350-examples.vcf")[0];

        Assert.Equal("4.0", simon.Version);
        Assert.Equal(new VcardName("Perreault", "Simon", "", "", "ing. jr,M.Sc."), simon.Name);
        Assert.Equal("--02-03", simon.Birthday);
        Assert.Equal([new CardPhone("+1-418-656-9254;ext=102", "work"), new CardPhone("+1-418-262-6501", "mobile")], simon.Phones);
        Assert.Equal([new VcardParameter("VALUE", "uri"), new VcardParameter("TYPE", "work,voice"), new VcardParameter("PREF", "1")], simon.First("TEL")!.Parameters);
        Assert.Equal(new VcardAddress("work", "", "Suite D2-630", "2875 Laurier", "Quebec", "QC", "G1V 2M2", "Canada"), Assert.Single(simon.Addresses));
        Assert.Equal("http://www.viagenie.ca/simon.perreault/simon.asc", simon.Value("KEY"));
        Assert.Equal(["fr", "en"], simon.All("LANG").Select(p => p.Value));
    }

    [Fact]
    public void The_RFC_6350_synchronisation_group_and_org_examples_are_read()
    {
        var cards = Corpus.Cards("rfc6350-examples.vcf");

        Assert.Equal(9, cards.Count);
        Assert.Equal("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1", cards[1].Uid);
        Assert.Equal(["jdoe@example.com", "boss@example.com", "ceo@example.com"], cards[1].Emails.Select(e => e.Address));
        Assert.Equal("2.1,2.2", cards[1].All("TEL").Last().Parameter("PID"));
        Assert.Equal(["group", "group", "org"], cards.Where(c => c.First("KIND")?.Value is "group" or "org").Select(c => c.Value("KIND")));
        Assert.Equal(4, cards[5].All("MEMBER").Count());
        Assert.Equal("Harten,Rene", cards[7].First("N")!.Parameter("SORT-AS"));
        Assert.Equal(new VcardName("van der Harten", "Rene,J.", "Sir", "R.D.O.N.", ""), cards[7].Name);
    }

    [Fact]
    public void The_RFC_6350_property_examples_are_read_with_quoted_parameters_and_a_data_URI()
    {
        var card = Corpus.Cards("rfc6350-examples.vcf")[8];
        var adr = card.First("ADR")!;

        Assert.Equal("Mr. John Q. Public, Esq.\\nMail Drop: TNE QB\\n123 Main Street\\nAny Town, CA  91921-1234\\nU.S.A.", adr.Parameter("LABEL"));
        Assert.Equal("geo:12.3457,78.910", adr.Parameter("GEO"));
        Assert.Equal(["Robbie", "Jim", "Jimmie", "Boss"], card.Nicknames);
        Assert.Equal("1996-04-15", card.Birthday);
        Assert.Equal("circa 1800", card.All("BDAY").Last().Text);
        Assert.Equal(2, card.All("PHOTO").Count());
        Assert.StartsWith("data:image/jpeg;base64,MIICajCC", card.All("PHOTO").Last().Value);
        Assert.Equal([new CardPhone("+1-555-555-5555;ext=5555", "home"), new CardPhone("+33-01-23-45-67", "home")], card.Phones);
        Assert.Equal("Please contact my assistant Jane Doe for any inquiries.", card.All("RELATED").Last().Text);
        Assert.Equal("This fax number is operational 0800 to 1715 EST, Mon-Fri.", card.Note);
    }
}
