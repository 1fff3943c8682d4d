using System.Security.Cryptography;
using System.Text;
using ContactsApi.Contacts;
using Microsoft.AspNetCore.WebUtilities;

namespace ContactsApi.Dav;

/// <summary>A contact as a member of the address book: its resource name and entity tag.</summary>
public sealed record DavCard(string Name, Contact Contact)
{
    public string ETag { get; } = ContactETag.Of(Contact);

    /// <summary>The bytes of the card as GET serves it, when a request asked for <c>getcontentlength</c>.</summary>
    public long? Length { get; init; }
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

    /// <summary>Every card of the owner.</summary>
    public async Task<IReadOnlyList<DavCard>> ListAsync(string owner, CancellationToken ct)
    {
        var all = await contacts.StreamOwnedAsync(owner, ct).ToListAsync(ct);
        // The oldest id holds a shared UID, as FindAsync decides it.
        var holders = all.Where(c => Usable(c.Uid)).GroupBy(c => c.Uid!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
        return all.Select(contact => new DavCard(NameOf(contact, holders.GetValueOrDefault(contact.Uid ?? "") == contact.Id), contact)).ToList();
    }

    private static string NameOf(Contact contact, bool holdsItsUid) => (holdsItsUid ? contact.Uid! : contact.Id) + DavPaths.CardExtension;

    /// <summary>The card with this resource name; null when the owner has none.</summary>
    public async Task<DavCard?> FindAsync(string owner, string name, CancellationToken ct)
    {
        var stem = StemOf(name);
        if (Usable(stem) && (await contacts.FindByUidAsync(owner, stem, ct)).FirstOrDefault() is { } byUid)
            return new DavCard(stem + DavPaths.CardExtension, byUid);
        if (!Common.ObjectIds.IsValid(stem) || await contacts.FindAsync(owner, stem, ct) is not { } byId) return null;
        // A contact whose card has a usable UID is found by it, unless an older one took it.
        if (Usable(byId.Uid) && (await contacts.FindByUidAsync(owner, byId.Uid!, ct)).FirstOrDefault()?.Id == byId.Id) return null;
        return new DavCard(stem + DavPaths.CardExtension, byId);
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
    public static string CTagOf(IEnumerable<DavCard> cards)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var card in cards.OrderBy(c => c.Name, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes(card.Name + " " + card.ETag + "\n"));
        return $"\"{WebEncoders.Base64UrlEncode(hash.GetHashAndReset(), 0, 16)}\"";
    }
}
