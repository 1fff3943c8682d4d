namespace ContactsApi.Avatars;

public sealed class AvatarOptions
{
    public const string Section = "Avatars";

    /// <summary>The static files root; avatars go to its <c>avatars/</c> folder. Relative to the working directory.</summary>
    public string PublicFolder { get; set; } = "public";
}
