namespace ContactsApi.Contacts;

/// <summary>A card of an import, read into a contact (new ids, no owner yet) with its photo's bytes.</summary>
public sealed record ImportedCard(Contact Contact, ContactPhoto? Photo);

/// <summary>What an import did, card by card.</summary>
public sealed record ImportCounts(int Created, int Updated, int Unchanged);

/// <summary>
/// How an import finds the contact a card is: by UID (the card's own, or the contact's id, which the export
/// writes as the UID of a contact made here), else by the same name with the same numbers and addresses.
/// Each contact is matched by one card at most, so that two cards of one file never fold into one contact:
/// a second card that would match a taken contact is a new one. Among several candidates, one that holds
/// the card already wins, then the oldest. The stores find the candidates; this decides.
/// </summary>
public sealed class CardMatching
{
    private readonly HashSet<string> _taken = [];

    /// <summary>The contact with the card's UID, among <paramref name="candidates"/> (found by UID or by id).</summary>
    public Contact? ByUid(Contact card, IEnumerable<Contact> candidates) =>
        card.Uid is { } uid ? Pick(card, candidates.Where(c => (c.Uid ?? c.Id) == uid)) : null;

    /// <summary>
    /// The contact with the card's name, numbers and addresses, among <paramref name="candidates"/> (found by
    /// name). A contact that came from another card (a UID of its own that the card doesn't have) is not it.
    /// </summary>
    public Contact? ByName(Contact card, IEnumerable<Contact> candidates) =>
        Pick(card, candidates.Where(c => c.Name == card.Name && (c.Uid is null || card.Uid is null)
                                         && Numbers(c).SequenceEqual(Numbers(card)) && Places(c).SequenceEqual(Places(card))));

    /// <summary>Whether the stored contact says all the card says: the card's fields, its kept properties and its photo.</summary>
    public static bool Holds(Contact stored, Contact card) =>
        stored.Name == card.Name && stored.Organization == card.Organization && stored.Title == card.Title
        && stored.Birthday == card.Birthday && stored.Notes == card.Notes && stored.PhotoTag == card.PhotoTag
        && (card.Uid is null || card.Uid == (stored.Uid ?? stored.Id))
        && stored.Phones.Select(p => (p.Number, p.Label)).SequenceEqual(card.Phones.Select(p => (p.Number, p.Label)))
        && stored.ListedEmails.Select(e => (e.Address, e.Label)).SequenceEqual(card.ListedEmails.Select(e => (e.Address, e.Label)))
        && stored.Addresses.Select(a => a with { Id = "" }).SequenceEqual(card.Addresses.Select(a => a with { Id = "" }))
        && stored.Kept.SequenceEqual(card.Kept);

    private Contact? Pick(Contact card, IEnumerable<Contact> candidates)
    {
        var free = candidates.Where(c => !_taken.Contains(c.Id)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var match = free.FirstOrDefault(c => Holds(c, card)) ?? free.FirstOrDefault();
        if (match is not null) _taken.Add(match.Id);
        return match;
    }

    private static IEnumerable<string> Numbers(Contact contact) => contact.Phones.Select(p => Phone.Digits(p.Number)).Order(StringComparer.Ordinal);

    // Ordinal, so that two equal lists of places sort the same whatever the culture.
    private static IEnumerable<string> Places(Contact contact) =>
        contact.Addresses.Select(a => string.Join('\u001f', a.Street, a.City, a.Region, a.Postcode, a.Country)).Order(StringComparer.Ordinal);
}
