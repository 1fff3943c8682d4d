using System.Text.RegularExpressions;

namespace ContactsApi.Users;

public static partial class PasswordPolicy
{
    public const string Message =
        "The password must consist of Latin letters (A-z), Arabic numerals (0-9) and special characters, the literal part of the password must contain both lowercase and uppercase letters, the length of the password must be at least 8 and no more than 16 characters";

    /// <summary>8–16 characters from Latin letters, digits and ASCII punctuation, with one of each kind and both cases.</summary>
    // \z, not $: $ also matches before a final line feed, which would let "Passw0rd!\n" through.
    [GeneratedRegex("""^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?=.*[!-/:-@\[-`{-~])[A-Za-z0-9!-/:-@\[-`{-~]{8,16}\z""")]
    public static partial Regex Pattern();
}
