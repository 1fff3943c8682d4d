using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// The service as a real process (<c>dotnet ContactsApi.dll</c> from the test's output folder) in
/// the Production environment, on a port the OS picks on loopback, with its store in a given folder.
/// A process, not the in-process test server, because only a process can be killed mid-write.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="settings">
    /// Settings over the defaults, by their configuration keys (<c>Kestrel:Limits:KeepAliveTimeout</c>), given
    /// as environment variables (so a host setting may be given by its variable, <c>ASPNETCORE_WEBROOT</c>).
    /// </param>
    public static async Task<ServiceProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ContactsApi.dll"), "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataFolder"] = dataFolder;
        start.Environment["Jwt__SigningKey"] = ContactsApiFactory.SigningKey;
        start.Environment["Passwords__Iterations"] = "1000";
        start.Environment["RateLimits__Login__PermitLimit"] = "1000000";
        start.Environment["RateLimits__Register__PermitLimit"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;
        return await StartAsync(start);
    }

    /// <summary>Starts <paramref name="start"/> (output redirected) and waits until it says where it listens.</summary>
    public static async Task<ServiceProcess> StartAsync(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { listening.TrySetException(new InvalidOperationException("The service exited:\n" + string.Join('\n', output))); return; }
            output.Enqueue(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ServiceProcess(process, await listening.Task.WaitAsync(StartLimit));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    public HttpClient Client() => new() { BaseAddress = Address };

    /// <summary>SIGKILL: the process (and any it started, as <c>dotnet run</c> does) gets no chance to finish anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a container runtime or systemd sends to stop the service.</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, 15) != 0) throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed");
    }

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(StartLimit);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
