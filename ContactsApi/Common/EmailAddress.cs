using System.Text.RegularExpressions;

namespace ContactsApi.Common;

public static partial class EmailAddress
{
    /// <summary>Trimmed and lower-cased: the form emails are stored and compared in.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The WHATWG form's rule, with a dot required in the domain (<c>a@b</c> is refused) and RFC 5321's length.</summary>
    public static bool IsValid(string? email) => email is { Length: <= MaxLength } && Pattern().IsMatch(email.Trim());

    public const int MaxLength = 254;

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    public static partial Regex Pattern();
}
