namespace ContactsApi.Admin;

/// <summary>
/// The first admins: users with these emails become admins when they register or next log in.
/// There is no built-in admin account and so no known password.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string[] Emails { get; set; } = [];

    public bool IsAdminEmail(string normalizedEmail) =>
        Emails.Any(e => string.Equals(e.Trim(), normalizedEmail, StringComparison.OrdinalIgnoreCase));
}
