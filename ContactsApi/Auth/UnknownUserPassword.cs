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
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public string Hash => _hash.Value;
}
