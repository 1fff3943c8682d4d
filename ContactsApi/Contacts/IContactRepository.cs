using ContactsApi.Common;

namespace ContactsApi.Contacts;

/// <summary>Every method takes the owner: a contact of another user is simply not found.</summary>
public interface IContactRepository
{
    /// <summary>One page in the query's order, ties broken by id, and the count of all matches.</summary>
    Task<(IReadOnlyList<Contact> Contacts, long Total)> ListAsync(string owner, ContactQuery query, CancellationToken ct = default);

    Task<Contact?> FindAsync(string owner, string id, CancellationToken ct = default);

    /// <summary>The contact with its stored entity tag (<see cref="TaggedContact"/>); null when the owner has no such contact.</summary>
    Task<TaggedContact?> FindTaggedAsync(string owner, string id, CancellationToken ct = default);

    /// <summary>
    /// Adds the contact, in the write that checks its owner's <see cref="ContactLimitOptions.ContactsPerUser"/>;
    /// null when added, else the limit's refusal (403) and nothing added.
    /// </summary>
    Task<Refusal?> AddAsync(Contact contact, CancellationToken ct = default);

    /// <summary>
    /// Reads the contact, applies <paramref name="change"/> and writes the result as one atomic step,
    /// so concurrent changes (two phones added at once) never overwrite each other. The change may
    /// refuse (the last phone can't go), or throw; then nothing is written. The contact as written,
    /// or the change's refusal, or <see cref="Refusal.NotFound"/>.
    /// </summary>
    Task<Outcome<Contact>> UpdateAsync(string owner, string id, Func<Contact, Outcome<Contact>> change, CancellationToken ct = default);

    /// <summary>
    /// Makes <paramref name="edit"/> as one atomic step, as <see cref="UpdateAsync"/> would make
    /// <see cref="ContactEdit.ApplyTo"/>, but in a form a store can write without reading first. A
    /// refused edit (the 21st phone, the last one removed, an unknown phone) writes nothing and comes
    /// back as the rule's refusal; <see cref="Refusal.NotFound"/> when the contact is not found.
    /// </summary>
    Task<Outcome<Contact>> EditAsync(string owner, string id, ContactEdit edit, CancellationToken ct = default);

    /// <summary>
    /// Moves the contact to the trash (<see cref="History.IContactHistory"/>) as one atomic step, unless
    /// <paramref name="check"/> refuses the contact as stored (a stale <c>If-Match</c>): then nothing changes
    /// and the refusal comes back. <see cref="Refusal.NotFound"/> when the owner has no such contact.
    /// </summary>
    Task<Refusal?> DeleteAsync(string owner, string id, DateTime now, Func<Contact, Refusal?>? check = null, CancellationToken ct = default);

    /// <summary>
    /// All contacts of these owners, owner after owner in the order given, each owner's sorted by name then
    /// id. Read from the store as they are enumerated, so a caller that writes each out as it comes holds
    /// one at a time, however many there are: an admin's page of users with all their contacts.
    /// </summary>
    IAsyncEnumerable<Contact> StreamByOwnersAsync(IReadOnlyList<string> owners, CancellationToken ct = default);

    /// <summary>The contact's photo; null when the owner has no such contact, or it has no photo.</summary>
    Task<ContactPhoto?> FindPhotoAsync(string owner, string id, CancellationToken ct = default);

    /// <summary>Stores the photo as the contact's (its tag on the contact, its bytes apart); false when the owner has no such contact.</summary>
    Task<bool> PutPhotoAsync(string owner, string id, ContactPhoto photo, CancellationToken ct = default);

    /// <summary>
    /// Every contact of the owner, oldest first, read from the store a page at a time as they are enumerated:
    /// an export writes each out as it comes and holds one page, however many there are, and no read stays
    /// open while a slow client takes the answer.
    /// </summary>
    IAsyncEnumerable<Contact> StreamOwnedAsync(string owner, CancellationToken ct = default);

    /// <summary>
    /// Every contact of the owner as its id, UID and stored entity tag only, in no particular order: what an
    /// address book's listing shows, read without the contacts themselves.
    /// </summary>
    IAsyncEnumerable<ContactTag> StreamTagsAsync(string owner, CancellationToken ct = default);

    /// <summary>
    /// Writes an import's cards as one transaction: each card is matched (<see cref="CardMatching"/>) and
    /// created, left unchanged, or written over its contact by <see cref="ContactEdit.FromCard"/> through the
    /// path every change takes. Before anything is written, the owner's contact limit is checked and
    /// <paramref name="approve"/> is asked with the counts; a refusal from either writes nothing. A store that
    /// fails midway writes nothing either (on MongoDB, where the deployment runs transactions).
    /// </summary>
    Task<Outcome<ImportCounts>> ImportAsync(string owner, IReadOnlyList<ImportedCard> cards, DateTime now,
        Func<ImportCounts, Refusal?> approve, CancellationToken ct = default);

    /// <summary>
    /// Contacts of every owner in id order, the first <paramref name="limit"/> after
    /// <paramref name="afterId"/> (null: from the start). For the data export, never for a request.
    /// </summary>
    Task<IReadOnlyList<Contact>> ListAfterAsync(string? afterId, int limit, CancellationToken ct = default);

    /// <summary>
    /// The owner's contacts whose card has this UID (a contact's own, or the id of a contact made here, which
    /// its card carries as its UID), by id, each with its stored entity tag: what a CardDAV client names a card by.
    /// </summary>
    Task<IReadOnlyList<TaggedContact>> FindByUidAsync(string owner, string uid, CancellationToken ct = default);
}
