using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

/// <summary>How a contact's fields and the properties kept from its card become a card again.</summary>
public sealed class CardFieldsTests
{
    private static CardFields Johnny => CardFields.From(Corpus.Cards("ios-contacts.vcf")[0]);

    private static IEnumerable<string> Lines(CardFields fields) => fields.ToCard().Properties.Select(p => p.ToString());

    [Fact]
    public void A_contact_with_no_card_of_its_own_is_written_with_standard_types_and_Apple_groups_for_custom_labels()
    {
        var fields = new CardFields
        {
            Name = "Chaim Lewise",
            Phones = [new CardPhone("+38(099)212-5453", "mobile"), new CardPhone("(294) 840-6685", "work"), new CardPhone("555 0100", "Mum")],
            Emails = [new CardEmail("is@n.net", "home"), new CardEmail("chaim@work.example", "other")],
            Addresses = [new CardAddress("work", "1 Main St\nFloor 2", "Kyiv", "", "01001", "Ukraine")],
            Organization = "Lewise & Sons, Ltd.",
            Title = "CEO",
            Birthday = "--04-12",
            Notes = "First line\nsecond; third",
            Uid = "63aac14a3ca32c25b4470065",
        };

        Assert.Equal(
            [
                "FN:Chaim Lewise", "N:Lewise;Chaim;;;", "ORG:Lewise & Sons\\, Ltd.", "TITLE:CEO", "BDAY:--04-12",
                "TEL;TYPE=CELL:+38(099)212-5453", "TEL;TYPE=WORK:(294) 840-6685", "item1.TEL:555 0100", "item1.X-ABLabel:Mum",
                "EMAIL;TYPE=INTERNET,HOME:is@n.net", "EMAIL;TYPE=INTERNET:chaim@work.example",
                "ADR;TYPE=WORK:;;1 Main St\\nFloor 2;Kyiv;;01001;Ukraine",
                "NOTE:First line\\nsecond\\; third", "UID:63aac14a3ca32c25b4470065",
            ],
            Lines(fields));
    }

    [Fact]
    public void An_unchanged_imported_contact_is_written_with_its_properties_as_they_came()
    {
        var card = Corpus.Cards("ios-contacts.vcf")[0];

        var written = Johnny.ToCard().Properties;

        Assert.Equal(card.Properties.Count, written.Count);
        Assert.Equal(card.Properties.ToHashSet(), written.ToHashSet());
    }

    [Fact]
    public void An_edited_number_is_written_afresh_in_the_place_of_the_kept_one()
    {
        var edited = Johnny with { Phones = [.. Johnny.Phones.Take(2), new CardPhone("(408) 555-0100", "home"), .. Johnny.Phones.Skip(3)] };

        var lines = Lines(edited).ToList();

        Assert.DoesNotContain("TEL;TYPE=HOME;TYPE=VOICE:(408) 555-0103", lines);
        var at = lines.IndexOf("TEL;TYPE=HOME:(408) 555-0100");
        Assert.Equal("TEL;TYPE=IPHONE;TYPE=CELL;TYPE=VOICE:+1 408 555 0102", lines[at - 1]);
        Assert.Equal("item2.TEL:+1 408 555 0104", lines[at + 1]);
        Assert.Equal(edited.Phones, CardFields.From(edited.ToCard()).Phones);
    }

    [Fact]
    public void An_edited_number_in_a_group_takes_its_group_label_with_it()
    {
        var nursery = CardFields.From(Corpus.Cards("ios-contacts.vcf")[1]);

        var lines = Lines(nursery with { Phones = [new CardPhone("+1 (831) 555-0100", "main")] }).ToList();

        Assert.Equal(
            [
                "FN:Green Leaf Nursery", "PRODID:-//Apple Inc.//iPhone OS 17.5.1//EN", "N:;;;;", "ORG:Green Leaf Nursery;",
                "item2.TEL:+1 (831) 555-0100", "item2.X-ABLabel:main", "X-ABShowAs:COMPANY",
            ],
            lines);
    }

    [Fact]
    public void A_removed_address_takes_its_grouped_extras_with_it_and_other_groups_stay()
    {
        var edited = Johnny with { Addresses = [] };

        var lines = Lines(edited).ToList();

        Assert.DoesNotContain(lines, l => l.StartsWith("item3.", StringComparison.Ordinal));
        Assert.Contains("item4.URL;TYPE=pref:https://orchard.example", lines);
        Assert.Contains("item4.X-ABLabel:_$!<HomePage>!$_", lines);
        Assert.Empty(CardFields.From(edited.ToCard()).Addresses);
    }

    [Fact]
    public void A_new_number_goes_after_the_kept_ones_and_an_added_one_before_a_kept_one_stays_before_it()
    {
        var fields = CardFields.From(Corpus.Cards("params-variety.vcf")[0]);
        var edited = fields with { Phones = [new CardPhone("+1 555 0000", "home"), .. fields.Phones, new CardPhone("+1 555 9999", "work")] };

        var phones = CardFields.From(edited.ToCard()).Phones;

        Assert.Equal(edited.Phones, phones);
    }

    [Fact]
    public void A_renamed_contact_gets_a_new_FN_and_N_in_place_of_the_old_ones()
    {
        var ada = CardFields.From(Corpus.Cards("macos-contacts.vcf")[0]);

        var lines = Lines(ada with { Name = "Ada King" }).ToList();

        Assert.Equal(["FN:Ada King", "N:King;Ada;;;"], lines.Where(l => l.StartsWith("FN:") || l.StartsWith("N:")));
        Assert.Equal(lines.IndexOf("PRODID:-//Apple Inc.//macOS 14.5//EN") + 1, lines.IndexOf("N:King;Ada;;;"));
        Assert.Contains("X-PHONETIC-FIRST-NAME:AY-da", lines);
        Assert.Equal("Ada King", CardFields.From(new VcardCard("3.0", [.. Lines(ada with { Name = "Ada King" }).Select(VcardProperty.Parse)])).Name);
    }

    [Fact]
    public void An_unchanged_name_keeps_an_N_that_says_more_than_the_name()
    {
        var lines = Lines(CardFields.From(Corpus.Cards("macos-contacts.vcf")[1])).ToList();

        Assert.Contains("N:Hopper;Grace;Brewster Murray;Rear Admiral;", lines);
        Assert.Contains("FN:Rear Admiral Grace Brewster Murray Hopper", lines);
    }

    [Fact]
    public void Cleared_and_changed_single_fields_drop_or_replace_their_properties()
    {
        var edited = Johnny with { Title = null, Organization = "Cider House", Birthday = "1990-04-12", Notes = null, Photo = null };

        var lines = Lines(edited).ToList();

        Assert.DoesNotContain(lines, l => l.StartsWith("TITLE") || l.StartsWith("NOTE") || l.StartsWith("PHOTO"));
        Assert.Contains("ORG:Cider House", lines);
        Assert.DoesNotContain("ORG:Orchard Supply Co.;", lines);
        Assert.Contains("BDAY:1990-04-12", lines);
        Assert.DoesNotContain("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", lines);
    }

    [Fact]
    public void A_new_photo_is_written_inline_and_reads_back_as_the_same_bytes()
    {
        var png = Corpus.Cards("photos.vcf")[1].Photo!;
        var edited = Johnny with { Photo = png };

        var again = CardFields.From(VcardReader.Parse(VcardWriter.ToText(edited.ToCard(), VcardVersion.V3)).Single().Card!);

        Assert.Equal(png, again.Photo);
        Assert.Contains(VcardWriter.ToText(edited.ToCard(), VcardVersion.V3).Split("\r\n"), l => l.StartsWith("PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo", StringComparison.Ordinal));
    }

    [Fact]
    public void Fields_that_differ_in_a_kept_property_are_not_the_same()
    {
        var card = Corpus.Cards("ios-contacts.vcf")[0];
        var changed = new VcardCard("3.0", card.Properties.Select(p => p.Is("X-SOCIALPROFILE") ? p with { Value = "http://twitter.com/other" } : p).ToList());

        Assert.True(CardFields.From(card).SameAs(Johnny));
        Assert.False(CardFields.From(changed).SameAs(Johnny));
        Assert.False((Johnny with { Phones = Johnny.Phones.Reverse().ToList() }).SameAs(Johnny));
    }
}
