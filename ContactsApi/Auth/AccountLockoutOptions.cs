using System.ComponentModel.DataAnnotations;

namespace ContactsApi.Auth;

/// <summary>Per-account lockout after failed logins; the defaults are ASP.NET Core Identity's.</summary>
public sealed class AccountLockoutOptions
{
    public const string Section = "Lockout";
    public const string Message = "Too many failed logins; the account is locked for a while, try again later";

    [Range(1, int.MaxValue)] public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);
}
