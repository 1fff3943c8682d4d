using ContactsApi.Contacts;

namespace ContactsApi.History;

/// <summary>A contact in the trash, and when it was put there.</summary>
public sealed record TrashedContact(Contact Contact, DateTime DeletedAt);

/// <summary>One version of a contact: its number (the first is 1, each change adds one) and the contact as it was.</summary>
public sealed record ContactVersion(long Version, DateTime At, Contact Contact);

/// <summary>What an undo did: contacts put back to an earlier version, brought back from the trash, moved to the trash.</summary>
public sealed record UndoCounts(int Reverted, int Restored, int Trashed);

/// <summary>
/// One page of an owner's changes after a point of the change log: the contacts changed (as they are
/// now) and the ids of those deleted, in the order of their last change; <see cref="Last"/> is that
/// change's number, where the next page starts.
/// </summary>
public sealed record ChangePage(IReadOnlyList<Contact> Changed, IReadOnlyList<string> Deleted, long Last, bool More);
