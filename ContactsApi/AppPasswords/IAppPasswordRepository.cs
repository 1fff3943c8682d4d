namespace ContactsApi.AppPasswords;

/// <summary>Every method takes the user: another user's app password is simply not found.</summary>
public interface IAppPasswordRepository
{
    /// <summary>Adds it while its user has fewer than <paramref name="max"/>; false, and nothing added, otherwise.</summary>
    Task<bool> AddAsync(AppPassword password, int max, CancellationToken ct = default);

    /// <summary>The user's app passwords, oldest first.</summary>
    Task<IReadOnlyList<AppPassword>> ListAsync(string userId, CancellationToken ct = default);

    /// <summary>False when the user has no such app password.</summary>
    Task<bool> DeleteAsync(string userId, string id, CancellationToken ct = default);
}
