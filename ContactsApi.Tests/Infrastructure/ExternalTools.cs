using System.Diagnostics;

namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// Programs outside .NET that some tests drive, where they are found and how to get them: Debian's
/// Chromium, vdirsyncer (a real CardDAV client), and the tools of the npm project
/// <c>ContactsApi.Tests/node</c> (newman; the OpenAPI linter, client generator and TypeScript compiler). <c>.ci/run</c> installs them; a developer may
/// lack them (see <see cref="NeedsToolFactAttribute"/>).
/// </summary>
public static class ExternalTools
{
    public const string Chromium = "chromium";
    public const string Newman = "newman";
    public const string Redocly = "redocly";
    public const string OpenApiTypescript = "openapi-typescript";
    public const string Tsc = "tsc";
    public const string Vdirsyncer = "vdirsyncer";

    public static string PathOf(string tool) => tool switch
    {
        Chromium => "/usr/bin/chromium",
        Vdirsyncer => "/usr/bin/vdirsyncer",
        Newman or Redocly or OpenApiTypescript or Tsc =>
            System.IO.Path.Combine(RepositoryRoot(), "ContactsApi.Tests", "node", "node_modules", ".bin", tool),
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "unknown tool"),
    };

    public static string InstallHint(string tool) => tool switch
    {
        Chromium => "apt-get install -y chromium",
        Vdirsyncer => "apt-get install -y vdirsyncer",
        Newman or Redocly or OpenApiTypescript or Tsc => "npm ci --prefix ContactsApi.Tests/node",
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "unknown tool"),
    };

    public static bool IsInstalled(string tool) => File.Exists(PathOf(tool));

    /// <summary>The path of <paramref name="tool"/>, or an exception that says how to install it.</summary>
    public static string Require(string tool) => IsInstalled(tool)
        ? PathOf(tool)
        : throw new InvalidOperationException($"{tool} is not installed at {PathOf(tool)}: run `{InstallHint(tool)}`.");

    /// <summary>
    /// Runs the program to its end, its input closed, and gives its exit code and what it wrote to each
    /// stream; one that runs past <paramref name="limit"/> is killed with its children and the test fails.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The folder holding ContactsApi.sln, found upwards from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(System.IO.Path.Combine(folder.FullName, "ContactsApi.sln"))) folder = folder.Parent!;
        return folder.FullName;
    }
}
