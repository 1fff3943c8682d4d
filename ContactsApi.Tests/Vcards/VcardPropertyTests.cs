using System.Text;
using ContactsApi.Vcards;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContactsApi.Tests.Vcards;

/// <summary>Property-based tests: for any text, what the writer writes the reader reads back.</summary>
public sealed class VcardPropertyTests
{
    private static readonly VcardVersion[] Versions = [VcardVersion.V3, VcardVersion.V4];

    /// <summary>vCard has one line break, <c>\n</c>: CRLF and CR come back as LF.</summary>
    private static string OneLineBreak(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static VcardCard ReadOne(string text) => Assert.Single(VcardReader.Parse(text)).Card ?? throw new Xunit.Sdk.XunitException(VcardReader.Parse(text)[0].Failure);

    [Property(MaxTest = 300)]
    public Property Any_text_value_reads_back_as_it_was_written() =>
        Prop.ForAll(VcardGenerators.Text.ToArbitrary(), text =>
        {
            var card = new VcardCard("", [new VcardProperty("FN", "x"), new VcardProperty("NOTE", VcardText.Escape(text)), new VcardProperty("item1", "X-LONG", [], VcardText.Escape(text))]);
            foreach (var version in Versions)
            {
                var again = ReadOne(VcardWriter.ToText(card, version));
                Assert.Equal(OneLineBreak(text), again.First("NOTE")!.Text);
                Assert.Equal(OneLineBreak(text), again.First("X-LONG")!.Text);
            }
        });

    [Property(MaxTest = 200)]
    public Property Any_components_of_a_structured_value_read_back_apart() =>
        Prop.ForAll(VcardGenerators.Text.ArrayOf(7).ToArbitrary(), parts =>
        {
            var card = new VcardCard("", [new VcardProperty("ADR", VcardText.JoinComponents(parts))]);
            foreach (var version in Versions)
                Assert.Equal(parts.Select(OneLineBreak), ReadOne(VcardWriter.ToText(card, version)).First("ADR")!.Components);
        });

    [Property(MaxTest = 200)]
    public Property Any_parameter_value_reads_back_as_it_was_written() =>
        Prop.ForAll(VcardGenerators.Text.ToArbitrary(), text =>
        {
            var card = new VcardCard("", [new VcardProperty("X-P", "v", new VcardParameter("X-ANY", text), new VcardParameter("LABEL", text))]);
            foreach (var version in Versions)
            {
                var parameters = ReadOne(VcardWriter.ToText(card, version)).First("X-P")!.Parameters;
                Assert.Equal([new VcardParameter("X-ANY", OneLineBreak(text)), new VcardParameter("LABEL", OneLineBreak(text))], parameters);
            }
        });

    [Property(MaxTest = 300)]
    public Property Folding_never_makes_a_line_longer_than_75_octets_or_splits_a_character() =>
        Prop.ForAll(VcardGenerators.Text.ToArbitrary(), text =>
        {
            var card = new VcardCard("", [new VcardProperty("NOTE", VcardText.Escape(text)), new VcardProperty("X-PARAM", "v", new VcardParameter("X-P", text))]);
            foreach (var version in Versions)
            {
                var bytes = Encoding.UTF8.GetBytes(VcardWriter.ToText(card, version));
                var lines = Split(bytes, "\r\n"u8).ToList();
                Assert.Empty(lines[^1]);
                Assert.All(lines, line =>
                {
                    Assert.True(line.Length <= 75, $"a line of {line.Length} octets");
                    Assert.True(System.Text.Unicode.Utf8.IsValid(line), "a line that is not UTF-8 on its own");
                    Assert.DoesNotContain((byte)'\r', line);
                    Assert.DoesNotContain((byte)'\n', line);
                });
            }
        });

    [Property(MaxTest = 300)]
    public Property Escaping_and_unescaping_give_back_the_text() =>
        Prop.ForAll(VcardGenerators.Text.ToArbitrary(), text =>
            VcardText.Unescape(VcardText.Escape(text)) == OneLineBreak(text)
            && VcardText.SplitComponents(VcardText.Escape(text)).Single() == OneLineBreak(text));

    [Property(MaxTest = 150)]
    public Property Any_contact_fields_written_as_a_card_read_back_the_same() =>
        Prop.ForAll(VcardGenerators.Fields.ToArbitrary(), fields =>
        {
            foreach (var version in Versions)
            {
                var again = CardFields.From(ReadOne(VcardWriter.ToText(fields.ToCard(), version)));
                var expected = fields with
                {
                    Phones = fields.Phones.Select(p => new CardPhone(OneLineBreak(p.Number), OneLineBreak(p.Label))).ToList(),
                    Emails = fields.Emails.Select(e => new CardEmail(OneLineBreak(e.Address), OneLineBreak(e.Label))).ToList(),
                    Addresses = fields.Addresses.Select(a => a with { Street = OneLineBreak(a.Street), City = OneLineBreak(a.City), Region = OneLineBreak(a.Region), Postcode = OneLineBreak(a.Postcode), Country = OneLineBreak(a.Country), Label = OneLineBreak(a.Label) }).ToList(),
                    Name = OneLineBreak(fields.Name!), Notes = fields.Notes is null ? null : OneLineBreak(fields.Notes),
                    Organization = fields.Organization is null ? null : OneLineBreak(fields.Organization),
                    Title = fields.Title is null ? null : OneLineBreak(fields.Title), Uid = fields.Uid is null ? null : OneLineBreak(fields.Uid),
                };
                Assert.True(again.SameAs(expected), $"{version}: {Describe(again, expected)}");
                Assert.Empty(again.Kept);
            }
        });

    [Property(MaxTest = 300)]
    public Property An_edited_card_writes_its_edits_and_reads_back_unchanged_once_written() =>
        Prop.ForAll(VcardGenerators.EditedCorpusCard.ToArbitrary(), pair =>
        {
            var written = CardFields.From(VcardReader.Parse(VcardWriter.ToText(pair.Edited.ToCard(), VcardVersion.V3)).Single().Card!);

            var structured = pair.Edited with { Kept = written.Kept };
            Assert.True(written.SameAs(structured), Describe(written, structured));
            var again = CardFields.From(VcardReader.Parse(VcardWriter.ToText(written.ToCard(), VcardVersion.V4)).Single().Card!);
            Assert.True(again.SameAs(written), Describe(again, written));
        });

    /// <summary>The fields that differ, so a failure says where.</summary>
    private static string Describe(CardFields a, CardFields b)
    {
        var diffs = new List<string>();
        void Check(string name, object? x, object? y) { if (!Equals(x, y)) diffs.Add($"{name}: [{x}] vs [{y}]"); }
        Check("name", a.Name, b.Name);
        Check("organization", a.Organization, b.Organization);
        Check("title", a.Title, b.Title);
        Check("birthday", a.Birthday, b.Birthday);
        Check("notes", a.Notes, b.Notes);
        Check("uid", a.Uid, b.Uid);
        Check("photo", a.Photo, b.Photo);
        void CheckList<T>(string name, IReadOnlyList<T> x, IReadOnlyList<T> y)
        {
            var at = Enumerable.Range(0, Math.Max(x.Count, y.Count)).FirstOrDefault(i => i >= x.Count || i >= y.Count || !Equals(x[i], y[i]), -1);
            if (at >= 0) diffs.Add($"{name}[{at}] of {x.Count} vs {y.Count}: [{x.ElementAtOrDefault(at)}] vs [{y.ElementAtOrDefault(at)}]");
        }
        CheckList("phones", a.Phones, b.Phones);
        CheckList("emails", a.Emails, b.Emails);
        CheckList("addresses", a.Addresses, b.Addresses);
        CheckList("kept", a.Kept, b.Kept);
        return string.Join("; ", diffs).Replace("\n", "⏎").Replace("\r", "␍");
    }

    private static IEnumerable<byte[]> Split(byte[] bytes, ReadOnlySpan<byte> separator)
    {
        var parts = new List<byte[]>();
        var rest = bytes.AsSpan();
        int at;
        while ((at = rest.IndexOf(separator)) >= 0)
        {
            parts.Add(rest[..at].ToArray());
            rest = rest[(at + separator.Length)..];
        }
        parts.Add(rest.ToArray());
        return parts;
    }
}
