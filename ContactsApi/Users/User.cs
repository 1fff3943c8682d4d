namespace ContactsApi.Users;

/// <summary>A stored user document. Never sent to clients as it is: it holds the password hash.</summary>
public sealed record User
{
    public required string Id { get; init; }
    /// <summary>Trimmed and lower-cased, so uniqueness is case-insensitive.</summary>
    public required string Email { get; init; }
    public string Name { get; init; } = "";
    public required string PasswordHash { get; init; }
    public string Subscription { get; init; } = Subscriptions.Starter;
    public required string AvatarUrl { get; init; }
    public bool IsActive { get; init; } = true;
    public bool IsAdmin { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    /// <summary>Failed logins since the last good one or the last lockout.</summary>
    public int FailedLogins { get; init; }
    /// <summary>Logins are refused until then, even with the right password.</summary>
    public DateTime? LockoutEnd { get; init; }
}

public static class Subscriptions
{
    public const string Starter = "starter";
    public static readonly string[] All = [Starter, "pro", "business"];
}
