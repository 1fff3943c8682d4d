namespace ContactsApi.Users;

/// <summary>Changes signed-in users make to their own account.</summary>
public static class OwnAccount
{
    /// <summary>
    /// Applies the change to the user as stored now, never to the copy the request read when it checked
    /// the session, so it can't undo what an admin changed meanwhile. Null, with nothing changed, for a
    /// user deactivated or deleted since then: the request's token no longer counts (401).
    /// </summary>
    public static async Task<User?> UpdateOwnAsync(this IUserRepository users, string id, Func<User, User> change, CancellationToken ct)
    {
        var (_, user) = await users.UpdateAsync(id, u => u.IsActive ? change(u) : u, ct);
        return user is { IsActive: true } ? user : null;
    }
}
