using ContactsApi.Common;

namespace ContactsApi.Avatars;

/// <summary>
/// Uploaded avatars are named <c>&lt;userId&gt;-&lt;random&gt;.&lt;ext&gt;</c>, so a user's files are found by
/// their name alone, even after the user's record is gone: that is what lets a repeated delete
/// finish a job a crash interrupted. The shipped default avatar never matches.
/// </summary>
public static class UploadedAvatarFiles
{
    public static string Folder(AvatarOptions options) => Path.Combine(Path.GetFullPath(options.PublicFolder), "avatars");

    /// <summary>Deletes every uploaded avatar of the user; none, or one already gone, is fine.</summary>
    public static void DeleteAllOf(AvatarOptions options, string userId)
    {
        // The id becomes a file pattern: only an ObjectId (hex) can never reach outside the folder or match another user.
        if (!ObjectIds.IsValid(userId)) throw new ArgumentException("Not an ObjectId", nameof(userId));
        var folder = Folder(options);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, userId + "-*")) File.Delete(file);
    }
}
