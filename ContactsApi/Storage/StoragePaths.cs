using Microsoft.Extensions.Options;

namespace ContactsApi.Storage;

/// <summary>
/// Makes <see cref="StorageOptions.DataFolder"/> absolute against the content root, once, so where the
/// data lives never depends on the directory the process was started from. Everything that reads
/// the option (the SQLite store, the signing key, the avatar folder) gets the absolute path.
/// </summary>
internal sealed class StoragePaths(IHostEnvironment? environment = null) : IPostConfigureOptions<StorageOptions>
{
    // A store made without a host (the store contract tests) has no environment: the current
    // directory is then what a host would have taken as its content root.
    public void PostConfigure(string? name, StorageOptions options) =>
        options.DataFolder = Path.GetFullPath(options.DataFolder, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());
}
