using ContactsApi.Common;
using ContactsApi.Contacts;

namespace ContactsApi.History;

/// <summary>
/// The trash, the versions and the change log of each owner's contacts. Every write of a contact
/// (<see cref="IContactRepository"/>'s and these) appends to the owner's change log, in the same
/// transaction, the version it replaced and a number that only grows: the ground of the history, of
/// an undo and of the sync feed. Every method takes the owner: another user's contact is not found.
/// </summary>
public interface IContactHistory
{
    /// <summary>A page of the owner's trash, most recently deleted first, and the count of all of it.</summary>
    Task<(IReadOnlyList<TrashedContact> Contacts, long Total)> ListTrashAsync(string owner, int skip, int limit, CancellationToken ct = default);

    /// <summary>
    /// Brings the contact back from the trash, every field as it was; <see cref="Refusal.NotFound"/> when the
    /// owner's trash has no such contact, the contact limit's refusal when the owner has no room for it.
    /// </summary>
    Task<Outcome<Contact>> RestoreAsync(string owner, string id, DateTime now, CancellationToken ct = default);

    /// <summary>Deletes for good the contact in the trash (every one, when <paramref name="id"/> is null); false when there was none.</summary>
    Task<bool> PurgeAsync(string owner, string? id, CancellationToken ct = default);

    /// <summary>The versions of a contact in the list or the trash, newest first; null when the owner has no such contact.</summary>
    Task<IReadOnlyList<ContactVersion>?> VersionsAsync(string owner, string id, CancellationToken ct = default);

    /// <summary>
    /// Puts the owner's whole book back as it was at <paramref name="to"/>, in one transaction: contacts created
    /// since go to the trash, those deleted since come back, those changed since take that moment's version.
    /// Its own changes are logged like any other, so it can be undone too.
    /// </summary>
    Task<UndoCounts> UndoAsync(string owner, DateTime to, DateTime now, CancellationToken ct = default);

    /// <summary>The owner's contacts changed after change <paramref name="since"/> (0: every live contact), at most <paramref name="limit"/>.</summary>
    Task<ChangePage> ChangesAsync(string owner, long since, int limit, CancellationToken ct = default);

    /// <summary>Drops, for every owner, the trash and the earlier versions older than <paramref name="cutoff"/>.</summary>
    Task ForgetBeforeAsync(DateTime cutoff, CancellationToken ct = default);
}
