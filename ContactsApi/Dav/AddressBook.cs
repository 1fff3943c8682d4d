using System.Security.Cryptography;
using System.Text;
using ContactsApi.Contacts;
using Microsoft.AspNetCore.WebUtilities;

namespace ContactsApi.Dav;

/// <summary>A member of the address book as its listing shows it: its resource name, its contact's id and its entity tag.</summary>
public record DavListedCard(string Name, string Id, string ETag)
{
    /// <summary>The bytes of the card as GET serves it, when a request asked for <c>getcontentlength</c>.</summary>
    public long? Length { get; init; }
}

/// <summary>A member of the address book with its contact.</summary>
public sealed record DavCard(string Name, Contact Contact, string ETag) : DavListedCard(Name, Contact.Id, ETag)
{
    /// <summary>A contact read without its stored tag: the tag computed.</summary>
    public DavCard(string name, Contact contact) : this(name, contact, ContactETag.Of(contact)) { }
}

/// <summary>
/// A user's contacts as the members of their address book. A card is named by its UID, as clients name the
/// cards they PUT (<c>{UID}.vcf</c>), so the card a phone wrote is found where the phone wrote it; a contact
/// made here carries its id as its card's UID, so it is named by its id. A UID that can't be a plain path
/// segment, or that an older contact has already taken (two cards of an import may share one), leaves the
/// contact named by its id.
/// </summary>
public sealed class AddressBook(IContactRepository contacts)
{
    public const int MaxUidLength = 200;

    /// <summary>Every card of the owner, with its contact: for the answers that hold the cards themselves.</summary>
    public async Task<IReadOnlyList<DavCard>> ListAsync(string owner, CancellationToken ct)
    {
        var all = await contacts.StreamOwnedAsync(owner, ct).ToListAsync(ct);
        var holders = Holders(all.Select(c => (c.Id, c.Uid)));
        return all.Select(contact => new DavCard(NameOf(contact.Id, contact.Uid, holders), contact)).ToList();
    }

    /// <summary>Every card of the owner as names and stored tags only, named as <see cref="ListAsync"/> names them.</summary>
    public async Task<IReadOnlyList<DavListedCard>> ListTagsAsync(string owner, CancellationToken ct)
    {
        var all = await contacts.StreamTagsAsync(owner, ct).ToListAsync(ct);
        var holders = Holders(all.Select(t => (t.Id, t.Uid)));
        return all.Select(t => new DavListedCard(NameOf(t.Id, t.Uid, holders), t.Id, t.ETag)).ToList();
    }

    /// <summary>Each usable UID's holder: the oldest id that has it, as FindAsync decides it.</summary>
    private static Dictionary<string, string> Holders(IEnumerable<(string Id, string? Uid)> cards) =>
        cards.Where(c => Usable(c.Uid)).GroupBy(c => c.Uid!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);

    private static string NameOf(string id, string? uid, Dictionary<string, string> holders) =>
        (holders.GetValueOrDefault(uid ?? "") == id ? uid! : id) + DavPaths.CardExtension;

    /// <summary>The card with this resource name; null when the owner has none.</summary>
    public async Task<DavCard?> FindAsync(string owner, string name, CancellationToken ct)
    {
        var stem = StemOf(name);
        if (Usable(stem) && (await contacts.FindByUidAsync(owner, stem, ct)).FirstOrDefault() is { } byUid)
            return new DavCard(stem + DavPaths.CardExtension, byUid.Contact, byUid.ETag);
        if (!Common.ObjectIds.IsValid(stem) || await contacts.FindTaggedAsync(owner, stem, ct) is not { } byId) return null;
        // A contact whose card has a usable UID is found by it, unless an older one took it.
        if (Usable(byId.Contact.Uid) && (await contacts.FindByUidAsync(owner, byId.Contact.Uid!, ct)).FirstOrDefault()?.Contact.Id == byId.Contact.Id)
            return null;
        return new DavCard(stem + DavPaths.CardExtension, byId.Contact, byId.ETag);
    }

    /// <summary>The name a new card's UID gives it: a PUT to a name with another UID is named by its UID, as every later listing shows it.</summary>
    public static string NameFor(string uid) => uid + DavPaths.CardExtension;

    public static string StemOf(string name) =>
        name.EndsWith(DavPaths.CardExtension, StringComparison.OrdinalIgnoreCase) ? name[..^DavPaths.CardExtension.Length] : name;

    /// <summary>A UID that is a plain path segment: nothing a path or its decoding would read otherwise.</summary>
    public static bool Usable(string? uid) =>
        uid is { Length: > 0 and <= MaxUidLength } && uid != "." && uid != ".."
        && !uid.Any(c => c is '/' or '\\' or '%' or '?' or '#' || char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>
    /// The collection's tag (<c>getctag</c>): a fingerprint of every card's name and entity tag, so it changes
    /// with any card made, changed or deleted.
    /// </summary>
    public static string CTagOf(IEnumerable<DavListedCard> cards)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var card in cards.OrderBy(c => c.Name, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes(card.Name + " " + card.ETag + "\n"));
        return $"\"{WebEncoders.Base64UrlEncode(hash.GetHashAndReset(), 0, 16)}\"";
    }
}
