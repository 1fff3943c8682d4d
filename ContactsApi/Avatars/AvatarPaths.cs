using ContactsApi.Storage;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

/// <summary>
/// Makes <see cref="AvatarOptions.UploadFolder"/> absolute, once: a relative setting against the
/// content root, no setting at all as <c>avatars</c> in the (already absolute) data folder.
/// </summary>
internal sealed class AvatarPaths(IHostEnvironment environment, IOptions<StorageOptions> storage) : IPostConfigureOptions<AvatarOptions>
{
    public const string DefaultFolderName = "avatars";

    public void PostConfigure(string? name, AvatarOptions options) =>
        options.UploadFolder = options.UploadFolder is { Length: > 0 } folder
            ? Path.GetFullPath(folder, environment.ContentRootPath)
            : Path.Combine(storage.Value.DataFolder, DefaultFolderName);
}
