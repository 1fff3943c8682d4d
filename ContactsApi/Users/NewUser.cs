using ContactsApi.Avatars;
using ContactsApi.Common;
using Microsoft.AspNetCore.Identity;

namespace ContactsApi.Users;

/// <summary>How a user comes to be, by registration or by an admin: one place for the defaults.</summary>
public static class NewUser
{
    /// <summary>Starter subscription, the default avatar, a salted hash; never an admin (see <c>AdminCommand</c>).</summary>
    public static User Create(string email, string? name, string password, IPasswordHasher<User> hasher, DateTime now)
    {
        var normalized = EmailAddress.Normalize(email);
        var user = new User
        {
            Id = ObjectIds.New(),
            Email = normalized,
            Name = name?.Trim() ?? "",
            PasswordHash = "",
            AvatarUrl = DefaultAvatar.Url,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return user with { PasswordHash = hasher.HashPassword(user, password) };
    }

    public static readonly Refusal EmailInUse = Refusal.Conflict("Email in use");

    /// <summary>Adds the user; the contract's 409 when the email is taken in any letter case.</summary>
    public static async Task<Refusal?> AddOrConflictAsync(this IUserRepository users, User user, CancellationToken ct) =>
        await users.AddAsync(user, ct) == UserWrite.EmailInUse ? EmailInUse : null;
}
