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

    private static readonly Gen<VcardPhoto> Photo = Gen.OneOf(
        from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()
        from type in Gen.Elements<string?>("image/jpeg", "image/png", "image/gif", null)
        select new VcardPhoto(bytes, type, null),
        Gen.Elements("https://example.com/a.jpg", "http://x.example/p?id=1&s=2").Select(u => new VcardPhoto(null, null, u)));

    private static readonly Gen<CardAddress> Address =
        from label in Label
        from street in Field
        from parts in Gen.OneOf(Gen.Constant(""), Field).ArrayOf(4)
        select new CardAddress(label, street, parts[0], parts[1], parts[2], parts[3]);

    /// <summary>A contact's fields as the JSON API could leave them, with nothing kept from a card.</summary>
    public static readonly Gen<CardFields> Fields =
        from name in Field
        from phones in Gen.Zip(Field, Label).Select(p => new CardPhone(p.Item1, p.Item2)).ListOf()
        from emails in Gen.Zip(Field, Label).Select(p => new CardEmail(p.Item1, p.Item2)).ListOf()
        from addresses in Address.ListOf()
        from texts in Optional.ArrayOf(4)
        from birthday in Gen.OneOf(Gen.Constant<string?>(null), Birthday.Select(b => (string?)b))
        from photo in Gen.OneOf(Gen.Constant<VcardPhoto?>(null), Photo.Select(p => (VcardPhoto?)p))
        select new CardFields
        {
            Name = name, Phones = phones, Emails = emails, Addresses = addresses, Organization = texts[0], Title = texts[1],
            Notes = texts[2], Uid = texts[3], Birthday = birthday, Photo = photo,
        };
}
