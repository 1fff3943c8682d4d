namespace ContactsApi.AppPasswords;

/// <summary>
/// A password of its own for one device's CardDAV account, so the account password never sits in a
/// phone's settings and one lost phone is revoked without changing anything else. Stored as a hash only.
/// </summary>
public sealed record AppPassword(string Id, string UserId, string Name, string Hash, DateTime CreatedAt);
