using System.Diagnostics;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Dav;

/// <summary>
/// vdirsyncer (Debian's) pairing a local folder of .vcf files (a) with an address book on a CardDAV
/// server (b), in a folder of its own: its configuration, its status and the local cards.
/// </summary>
public sealed class Vdirsyncer : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);
    private readonly string _root = Directory.CreateTempSubdirectory("contactsapi-vdirsyncer-").FullName;

    /// <param name="conflicts">vdirsyncer's <c>conflict_resolution</c>: <c>"a wins"</c> (the folder) or <c>"b wins"</c> (the server).</param>
    public Vdirsyncer(string bookUrl, string user, string password, string conflicts)
    {
        Directory.CreateDirectory(Local);
        File.WriteAllText(ConfigFile, $"""
            [general]
            status_path = "{Path.Combine(_root, "status")}/"

            [pair book]
            a = "local"
            b = "server"
            collections = null
            conflict_resolution = "{conflicts}"

            [storage local]
            type = "filesystem"
            path = "{Local}/"
            fileext = ".vcf"

            [storage server]
            type = "carddav"
            url = "{bookUrl}"
            username = "{user}"
            password = "{password}"
            """);
    }

    /// <summary>The local folder: one .vcf file a card.</summary>
    public string Local => Path.Combine(_root, "local");

    private string ConfigFile => Path.Combine(_root, "config");

    /// <summary>Runs <c>vdirsyncer sync</c> (after <c>discover</c> the first time); its output, and a failed test if it failed.</summary>
    public async Task<string> SyncAsync()
    {
        if (!Directory.Exists(Path.Combine(_root, "status"))) await RunAsync("discover");
        return await RunAsync("sync");
    }

    private async Task<string> RunAsync(string command)
    {
        var (exit, stdout, stderr) = await ExternalTools.RunAsync(new ProcessStartInfo("vdirsyncer") { ArgumentList = { "-c", ConfigFile, command } }, RunLimit);
        var text = stdout + stderr;
        Assert.True(exit == 0 && !text.Contains("error:", StringComparison.Ordinal), $"vdirsyncer {command} failed:\n{text}");
        return text;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
