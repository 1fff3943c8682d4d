using System.Security.Cryptography;
using System.Text.Json;
using ContactsApi.Backup;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Tests.Vcards;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.WebUtilities;

namespace ContactsApi.Tests.Contacts;

/// <summary>
/// The entity tag is written by generated code; clients and phones hold tags the reflection-based writer made
/// before, and a tag that changed for the same contact would make each of them fetch it again (and refuse their
/// If-Match). So the tag of every contact is the one that writer made.
/// </summary>
public sealed class ContactETagTests
{
    private static readonly JsonSerializerOptions ReflectionWeb = new(JsonSerializerDefaults.Web);

    /// <summary>The tag as it was computed before: the contact to the millisecond, as JSON by reflection, SHA-256.</summary>
    private static string ReflectionTag(Contact contact)
    {
        static DateTime Ms(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(contact with { CreatedAt = Ms(contact.CreatedAt), UpdatedAt = Ms(contact.UpdatedAt) },
            ReflectionWeb);
        return $"\"{WebEncoders.Base64UrlEncode(SHA256.HashData(bytes), 0, 16)}\"";
    }

    private static Contact Stored(Contact contact, long ticks, bool favorite) => contact with
    {
        Id = ObjectIds.New(),
        Owner = ObjectIds.New(),
        Favorite = favorite,
        CreatedAt = new DateTime(ticks, DateTimeKind.Utc),
        UpdatedAt = new DateTime(ticks + 12_345_678, DateTimeKind.Utc),
    };

    public static TheoryData<string> CorpusFiles => [.. Corpus.Files];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_card_of_the_corpus_as_a_contact_has_the_tag_the_reflection_based_writer_made(string file)
    {
        var contacts = Corpus.Read(file).Where(r => r.IsCard).Select(r => ContactCards.FromCard(r.Card!).Card)
            .OfType<ImportedCard>().Select((card, i) => Stored(card.Contact, 638_000_000_000_000_000 + i * 7_777_777, i % 2 == 0)).ToList();

        Assert.All(contacts, contact => Assert.Equal(ReflectionTag(contact), ContactETag.Of(contact)));
    }

    [Property(MaxTest = 300)]
    public Property Any_contact_has_the_tag_the_reflection_based_writer_made() =>
        Prop.ForAll(VcardGenerators.Fields.Select(f => ContactCards.FromCard(f.ToCard()).Card).Where(c => c is not null)
                .Zip(Gen.Choose(0, int.MaxValue)).Select(p => Stored(p.Item1!.Contact, 630_000_000_000_000_000 + p.Item2 * 4_000_003L, p.Item2 % 3 == 0))
                .ToArbitrary(),
            contact => ReflectionTag(contact) == ContactETag.Of(contact));

    [Fact]
    public void A_contact_made_by_the_json_api_and_one_stored_before_contacts_had_several_emails_keep_their_tags()
    {
        var made = Stored(new Contact
        {
            Id = "", Owner = "", Name = "Ольга Кобилянська", Email = "olha@example.com",
            Emails = [new ContactEmail(ObjectIds.New(), "olha@example.com", "other")],
            Phones = [new Phone(ObjectIds.New(), "+38(099)212-5453", "mobile")], CreatedAt = default, UpdatedAt = default,
        }, 638_700_000_000_123_456, favorite: true);
        var older = made with { Emails = [], Notes = "\"quoted\" <b>&</b> \u2028", Birthday = "--02-29" };

        Assert.Equal(ReflectionTag(made), ContactETag.Of(made));
        Assert.Equal(ReflectionTag(older), ContactETag.Of(older));
        Assert.NotEqual(ContactETag.Of(made), ContactETag.Of(older));
    }
}
