namespace ContactsApi.Avatars;

public static class DefaultAvatar
{
    /// <summary>Every new user's avatar: a file shipped in <c>public/avatars/</c>, never deleted.</summary>
    public const string Url = "/avatars/default.png";
}
