using System.Security.Cryptography;
using ContactsApi.Users;
using Microsoft.AspNetCore.Identity;

namespace ContactsApi.Auth;

/// <summary>
/// A hash of a random password, made once by the configured hasher, for login to verify against
/// when the email is unknown: that costs as many iterations as a real user's check, so timing tells
/// nobody which emails exist.
/// </summary>
public sealed class UnknownUserPassword(IPasswordHasher<User> hasher)
{
    // Made when the users controller is first built, for any request: made lazily at the first unknown
    // email, that one login would cost two hashes and stand out.
    public string Hash { get; } = hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
}
