using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Users;

namespace ContactsApi.Storage;

/// <summary>What every store does to a change before writing it, so both stores keep the same fields.</summary>
internal static class StoredChanges
{
    /// <summary>
    /// The change applied to the stored user, limited to what an update may write: the id and creation
    /// time never change, the failed-login fields belong to their own atomic methods, and the email is
    /// stored as its unique index compares it.
    /// </summary>
    public static User ApplyTo(this Func<User, User> change, User stored)
    {
        var changed = change(stored);
        return changed with
        {
            Id = stored.Id,
            Email = EmailAddress.Normalize(changed.Email),
            CreatedAt = stored.CreatedAt,
            FailedLogins = stored.FailedLogins,
            LockoutEnd = stored.LockoutEnd,
        };
    }

    /// <summary>
    /// The change applied to the stored contact: its id, owner and creation time never change, and its
    /// emails follow an email the change set alone.
    /// </summary>
    public static Outcome<Contact> ApplyTo(this Func<Contact, Outcome<Contact>> change, Contact stored)
    {
        var outcome = change(stored);
        return outcome.Value is { } changed
            ? (changed with { Id = stored.Id, Owner = stored.Owner, CreatedAt = stored.CreatedAt }).WithEmailsInStep()
            : outcome;
    }
}
