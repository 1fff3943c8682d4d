namespace ContactsApi.Avatars;

public static class DefaultAvatar
{
    /// <summary>Every new user's avatar: <c>wwwroot/avatars/default.png</c>, shipped with the build, apart from the uploads, so nothing mounted over the upload folder can hide it.</summary>
    public const string Url = "/avatars/default.png";
}
