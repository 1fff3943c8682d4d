namespace ContactsApi.Storage;

/// <summary>
/// The data folder and the store's files are the service account's alone: folders 0700, files 0600.
/// They hold every password hash and contact, and the signing key; any other local account that
/// could read them could read or forge everything.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder, and any missing parent, 0700; an existing folder is left as its operator set it.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderPermissions);
    }

    /// <summary>Options that create a new file 0600 (on Windows, with the folder's access rules).</summary>
    public static FileStreamOptions NewFile(FileAccess access = FileAccess.Write)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FilePermissions;
        return options;
    }

    /// <summary>Takes group and other access away from an existing file, as older versions created them 0644.</summary>
    public static void Restrict(string file)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(file)) return;
        if ((File.GetUnixFileMode(file) & ~FilePermissions) != 0) File.SetUnixFileMode(file, FilePermissions);
    }
}
