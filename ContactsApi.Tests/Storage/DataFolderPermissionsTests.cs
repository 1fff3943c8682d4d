using ContactsApi.Auth;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Storage;

/// <summary>The data folder holds every password hash, contact and the signing key: no other local account may read it.</summary>
public sealed class DataFolderPermissionsTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Readable = PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string _parent = Directory.CreateTempSubdirectory("contactsapi-modes-").FullName;

    private string Folder => Path.Combine(_parent, "data");

    [Fact]
    public async Task A_new_data_folder_is_0700_and_the_database_its_journal_and_the_key_are_0600()
    {
        if (OperatingSystem.IsWindows()) return; // Unix modes; Windows folders inherit their parent's access rules.
        await using var app = new ContactsApiFactory { Settings = { ["Storage:DataFolder"] = Folder, ["Jwt:SigningKey"] = "" } };

        // A login writes (WAL) while the store holds its connections open, so -wal and -shm exist.
        await app.LoggedInClientAsync();

        Assert.Equal(Private, File.GetUnixFileMode(Folder));
        var files = new[] { SqliteStore.FileName, SqliteStore.FileName + "-wal", SqliteStore.FileName + "-shm", SigningKeyProvider.KeyFileName };
        foreach (var file in files) Assert.Equal((file, PrivateFile), (file, File.GetUnixFileMode(Path.Combine(Folder, file))));
    }

    [Fact]
    public async Task Store_files_an_older_version_left_readable_are_made_private_at_start()
    {
        if (OperatingSystem.IsWindows()) return;
        await using (var older = new ContactsApiFactory { Settings = { ["Storage:DataFolder"] = Folder } })
            await older.LoggedInClientAsync();
        var files = Directory.GetFiles(Folder, SqliteStore.FileName + "*");
        foreach (var file in files) File.SetUnixFileMode(file, Readable);

        await using var restarted = new ContactsApiFactory { Settings = { ["Storage:DataFolder"] = Folder } };
        await restarted.LoggedInClientAsync();

        Assert.NotEmpty(files);
        foreach (var file in files) Assert.Equal((file, PrivateFile), (file, File.GetUnixFileMode(file)));
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
