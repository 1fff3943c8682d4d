using System.ComponentModel.DataAnnotations;

namespace ContactsApi.Auth;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required] public string Issuer { get; set; } = "ContactsApi";
    [Required] public string Audience { get; set; } = "ContactsApi";

    /// <summary>
    /// At least 32 bytes of secret (base64, or plain text). When unset, a random key is made once and
    /// kept in the data folder; several instances must then share that folder or set this.
    /// </summary>
    public string? SigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);
}

public sealed class PasswordOptions
{
    public const string Section = "Passwords";

    /// <summary>PBKDF2-HMAC-SHA512 iterations; 210,000 is OWASP's figure for that hash.</summary>
    [Range(1, int.MaxValue)]
    public int Iterations { get; set; } = 210_000;
}
