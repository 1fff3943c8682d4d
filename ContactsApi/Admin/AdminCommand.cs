using System.Data.Common;
using ContactsApi.Common;
using ContactsApi.Storage;
using ContactsApi.Users;

namespace ContactsApi.Admin;

/// <summary>
/// <c>admin grant EMAIL</c> and <c>admin revoke EMAIL</c>, run on the server instead of the web host,
/// against the store the configuration selects. The only way to the first admin: an account that
/// already exists is promoted by whoever can run commands on the server. Registration never
/// promotes, since nobody proves they own the email they register.
/// </summary>
public static class AdminCommand
{
    public const string Usage = "usage: admin grant|revoke EMAIL [--Storage:Provider=Sqlite|Mongo ...]";

    public static bool IsCommand(string[] args) => args is ["admin", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["admin", "grant" or "revoke", var email, ..] || email.StartsWith('-'))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        var grant = args[1] == "grant";
        // The rest of the line is configuration, as for the web host.
        await using var app = StoreHost.Build(args[3..]);
        try
        {
            var user = await app.Services.GetRequiredService<IUserRepository>()
                .SetAdminAsync(email, grant, TimeProvider.System.UtcNow());
            if (user is null)
            {
                await errors.WriteLineAsync($"admin: no account has the email {EmailAddress.Normalize(email)}; register it first, then run this again");
                return 1;
            }
            await output.WriteLineAsync(grant ? $"admin: {user.Email} is now an admin" : $"admin: {user.Email} is no longer an admin");
            return 0;
        }
        catch (Exception e) when (e is TimeoutException or DbException)
        {
            // A store that can't be reached; the message says which.
            await errors.WriteLineAsync($"admin failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Grants or takes away the admin right of the account with this email, in one atomic update.
    /// Rights are read from the store on every request, so the change counts at once. Null when no
    /// account has the email.
    /// </summary>
    public static async Task<User?> SetAdminAsync(this IUserRepository users, string email, bool isAdmin, DateTime now,
        CancellationToken ct = default)
    {
        var found = await users.FindByEmailAsync(EmailAddress.Normalize(email), ct);
        if (found is null) return null;
        var (result, user) = await users.UpdateAsync(found.Id, u => u with { IsAdmin = isAdmin, UpdatedAt = now }, ct);
        // Deleted between the two steps.
        return result == UserWrite.Done ? user : null;
    }
}
