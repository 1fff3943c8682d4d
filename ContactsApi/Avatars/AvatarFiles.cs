using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ContactsApi.Common;
using ContactsApi.Storage;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

/// <summary>
/// The resized avatars in the upload folder (<see cref="AvatarOptions.UploadFolder"/>). Their names are made here from the user id and a
/// random part, never taken from the upload, so a client's file name can't point anywhere.
/// </summary>
public sealed partial class AvatarFiles(IOptions<AvatarOptions> options)
{
    private const string UrlPrefix = "/avatars/";

    private string Folder => options.Value.UploadFolder!;

    /// <summary>Writes a new file for the user and returns its URL.</summary>
    public async Task<string> SaveAsync(string userId, byte[] png, CancellationToken ct)
    {
        var name = $"{userId}-{RandomNumberGenerator.GetHexString(32, lowercase: true)}.png";
        PrivateFiles.CreateFolder(Folder);
        await using (var file = new FileStream(Path.Combine(Folder, name), FileMode.CreateNew, FileAccess.Write))
            await file.WriteAsync(png, ct);
        return UrlPrefix + name;
    }

    /// <summary>Deletes an avatar this service wrote; the default avatar, or any other URL, is left alone.</summary>
    public void DeleteUploaded(string url)
    {
        if (UploadedUrl().IsMatch(url)) File.Delete(Path.Combine(Folder, url[UrlPrefix.Length..]));
    }

    /// <summary>
    /// Deletes every uploaded avatar of the user, found by name alone (<c>&lt;userId&gt;-*</c>), so a
    /// repeated admin delete finishes a job a crash interrupted even after the user record is gone.
    /// None, or one already gone, is fine.
    /// </summary>
    public void DeleteAllOf(string userId)
    {
        // The id becomes a file pattern: only an ObjectId (hex) can never reach outside the folder or match another user.
        if (!ObjectIds.IsValid(userId)) throw new ArgumentException("Not an ObjectId", nameof(userId));
        if (!Directory.Exists(Folder)) return;
        foreach (var file in Directory.EnumerateFiles(Folder, userId + "-*")) File.Delete(file);
    }

    [GeneratedRegex("^/avatars/[0-9a-f]{24}-[0-9a-f]{32}\\.png$")]
    private static partial Regex UploadedUrl();
}
