namespace ContactsApi.Users;

public enum UserWrite { Done, NotFound, EmailInUse }

public interface IUserRepository
{
    /// <summary>Adds the user; <see cref="UserWrite.EmailInUse"/> when the email is taken in any case.</summary>
    Task<UserWrite> AddAsync(User user, CancellationToken ct = default);

    Task<User?> FindByIdAsync(string id, CancellationToken ct = default);

    /// <summary>Finds by email in any case (emails are stored trimmed and lower-cased).</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken ct = default);

    /// <summary>
    /// Reads the user, applies <paramref name="change"/> and writes the result as one atomic step, so
    /// a change is always computed from the stored user: it can't undo a change written since the
    /// caller last read (an admin's deactivation or new password). If the change throws, nothing is
    /// written. It may run more than once (a store retries after losing a race to
    /// another writer), and what is written is the result of its last run. The id, the creation time
    /// and the failed-login fields stay as stored; the email must stay unique in any case
    /// (<see cref="UserWrite.EmailInUse"/>). Returns the user as written when <see cref="UserWrite.Done"/>.
    /// </summary>
    Task<(UserWrite Result, User? User)> UpdateAsync(string id, Func<User, User> change, CancellationToken ct = default);

    /// <summary>
    /// Counts a failed login atomically. The failure that makes <paramref name="maxFailures"/> in a row
    /// sets <see cref="User.LockoutEnd"/> to <paramref name="lockoutEnd"/> and the count back to 0.
    /// <see cref="UpdateAsync"/> never writes these two fields, so it can't undo a count.
    /// </summary>
    Task RecordFailedLoginAsync(string id, int maxFailures, DateTime lockoutEnd, CancellationToken ct = default);

    /// <summary>After a good login: the count goes back to 0 and any past lockout is cleared.</summary>
    Task ResetFailedLoginsAsync(string id, CancellationToken ct = default);

    /// <summary>Users sorted by createdAt then id, with the total count.</summary>
    Task<(IReadOnlyList<User> Users, long Total)> ListAsync(int skip, int limit, CancellationToken ct = default);

    /// <summary>
    /// Deletes the user's sessions, then their contacts, then the user, in an order that a repeat
    /// finishes if a crash stopped it halfway. False when there was no such user.
    /// </summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct = default);
}
