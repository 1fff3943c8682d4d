using ContactsApi.Common;

namespace ContactsApi.Users;

/// <summary>Changes signed-in users make to their own account.</summary>
public static class OwnAccount
{
    /// <summary>
    /// Applies the change to the user as stored now, never to the copy the request read when it checked
    /// the session, so it can't undo what an admin changed meanwhile. A user deactivated or deleted
    /// since then gets 401 and nothing is written.
    /// </summary>
    public static async Task<User> UpdateOwnAsync(this IUserRepository users, string id, Func<User, User> change, CancellationToken ct)
    {
        var (_, user) = await users.UpdateAsync(id, u => u.IsActive ? change(u) : throw ApiException.NotAuthorized(), ct);
        // No user written: deleted meanwhile (these changes keep the email, so it can't be in use).
        return user ?? throw ApiException.NotAuthorized();
    }
}
