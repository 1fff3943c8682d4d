using ContactsApi.Common;

namespace ContactsApi.Contacts;

/// <summary>Every method takes the owner: a contact of another user is simply not found.</summary>
public interface IContactRepository
{
    /// <summary>One page in the query's order, ties broken by id, and the count of all matches.</summary>
    Task<(IReadOnlyList<Contact> Contacts, long Total)> ListAsync(string owner, ContactQuery query, CancellationToken ct = default);

    Task<Contact?> FindAsync(string owner, string id, CancellationToken ct = default);

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

    Task<bool> DeleteAsync(string owner, string id, CancellationToken ct = default);

    /// <summary>
    /// All contacts of these owners, owner after owner in the order given, each owner's sorted by name then
    /// id. Read from the store as they are enumerated, so a caller that writes each out as it comes holds
    /// one at a time, however many there are: an admin's page of users with all their contacts.
    /// </summary>
    IAsyncEnumerable<Contact> StreamByOwnersAsync(IReadOnlyList<string> owners, CancellationToken ct = default);

    /// <summary>
    /// Contacts of every owner in id order, the first <paramref name="limit"/> after
    /// <paramref name="afterId"/> (null: from the start). For the data export, never for a request.
    /// </summary>
    Task<IReadOnlyList<Contact>> ListAfterAsync(string? afterId, int limit, CancellationToken ct = default);
}
