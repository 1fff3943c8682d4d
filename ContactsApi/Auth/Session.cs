namespace ContactsApi.Auth;

/// <summary>One login on one device; the token carries its id, and logout deletes it.</summary>
public sealed record Session(string Id, string UserId, DateTime CreatedAt, DateTime ExpiresAt);
