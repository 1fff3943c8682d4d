using ContactsApi.Vcards;
using FsCheck;
using FsCheck.Fluent;

namespace ContactsApi.Tests.Vcards;

/// <summary>FsCheck generators for the vCard properties: text from all of Unicode, heavy on what vCard must escape.</summary>
internal static class VcardGenerators
{
    private static readonly Gen<string> Piece = Gen.Frequency(
        (8, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (4, Gen.Elements(";", ",", "\\", ":", "\"", "^", "=", " ", "\t", "\n", "\r\n", "\r", "\\n", "\\,", "^n")),
        (3, Gen.Choose(0x400, 0x4FF).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x4E00, 0x9FFF).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x1F300, 0x1FAFF).Select(char.ConvertFromUtf32)),
        (2, Gen.Choose(0x80, 0xFFFD).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));

    /// <summary>Any text, up to a few hundred characters so that lines fold many times.</summary>
    public static readonly Gen<string> Text = Gen.Choose(0, 300).SelectMany(n => Piece.ArrayOf(n)).Select(string.Concat);

    /// <summary>Text as a form field holds it: trimmed, not empty.</summary>
    public static readonly Gen<string> Field = Text.Select(t => t.Trim()).Where(t => t.Length > 0);

    private static readonly Gen<string> Label = Gen.OneOf(
        Gen.Elements("mobile", "home", "work", "other", "home fax", "work fax", "fax", "pager", "main", "iPhone"),
        Field.Where(l => !l.StartsWith("_$!<", StringComparison.Ordinal)));

    private static readonly Gen<string?> Optional = Gen.OneOf(Gen.Constant<string?>(null), Field.Select(f => (string?)f));

    private static readonly Gen<string> Birthday =
        from year in Gen.Choose(0, 2100)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        select year < 1000 ? $"--{month:00}-{day:00}" : $"{year:0000}-{month:00}-{day:00}";

    /// <summary>A photo a contact holds: inline bytes (a link is a kept property, not the photo field).</summary>
    private static readonly Gen<VcardPhoto> Photo =
        from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()
        from type in Gen.Elements<string?>("image/jpeg", "image/png", "image/gif", null)
        select new VcardPhoto(bytes, type, null);

    private static readonly Gen<CardAddress> Address = AddressOf(Field, Label);

    private static Gen<CardAddress> AddressOf(Gen<string> text, Gen<string> label) =>
        from l in label
        from street in text
        from parts in Gen.OneOf(Gen.Constant(""), text).ArrayOf(4)
        select new CardAddress(l, street, parts[0], parts[1], parts[2], parts[3]);

    /// <summary>A field on one line: what an edit through the JSON API leaves in a number or a label.</summary>
    private static readonly Gen<string> Line = Field.Select(f => f.Replace('\r', ' ').Replace('\n', ' ').Trim()).Where(f => f.Length > 0);

    private static readonly Gen<string> LineLabel = Gen.OneOf(Gen.Elements("mobile", "home", "work", "other", "home fax", "main"), Line);

    private static Gen<List<T>> Few<T>(Gen<T> gen) => Gen.Choose(0, 5).SelectMany(n => gen.ListOf(n));

    private static Gen<List<T>> Edited<T>(IReadOnlyList<T> list, Gen<T> added) =>
        from keep in Gen.SubListOf(list.ToArray())
        from more in added.ListOf(3)
        from order in Gen.Shuffle(keep.Concat(more).ToArray())
        select order.ToList();

    /// <summary>A card from the corpus as the JSON API could leave it after edits: entries kept, removed, added, reordered, fields changed.</summary>
    public static readonly Gen<(CardFields Original, CardFields Edited)> EditedCorpusCard =
        from fields in Gen.Elements(Corpus.Files.SelectMany(Corpus.Read).Where(r => r.IsCard).Select(r => CardFields.From(r.Card!)).ToArray())
        from phones in Edited(fields.Phones, Gen.Zip(Line, LineLabel).Select(p => new CardPhone(p.Item1, p.Item2)))
        from emails in Edited(fields.Emails, Gen.Zip(Line, LineLabel).Select(p => new CardEmail(p.Item1, p.Item2)))
        from addresses in Edited(fields.Addresses, AddressOf(Line, LineLabel))
        from name in Gen.OneOf(Gen.Constant(fields.Name), Line.Select(l => (string?)l))
        from organization in Gen.Elements(fields.Organization, null, "Cider House")
        from birthday in Gen.Elements(fields.Birthday, null, "2001-02-03")
        from photo in Gen.Elements(fields.Photo, null)
        select (fields, fields with
        {
            Name = name, Phones = phones, Emails = emails, Addresses = addresses, Organization = organization, Birthday = birthday, Photo = photo,
        });

    /// <summary>A contact's fields as the JSON API could leave them, with nothing kept from a card.</summary>
    public static readonly Gen<CardFields> Fields =
        from name in Field
        from phones in Few(Gen.Zip(Field, Label).Select(p => new CardPhone(p.Item1, p.Item2)))
        from emails in Few(Gen.Zip(Field, Label).Select(p => new CardEmail(p.Item1, p.Item2)))
        from addresses in Few(Address)
        from texts in Optional.ArrayOf(4)
        from birthday in Gen.OneOf(Gen.Constant<string?>(null), Birthday.Select(b => (string?)b))
        from photo in Gen.OneOf(Gen.Constant<VcardPhoto?>(null), Photo.Select(p => (VcardPhoto?)p))
        select new CardFields
        {
            Name = name, Phones = phones, Emails = emails, Addresses = addresses, Organization = texts[0], Title = texts[1],
            Notes = texts[2], Uid = texts[3], Birthday = birthday, Photo = photo,
        };
}
