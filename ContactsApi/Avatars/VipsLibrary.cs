using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

/// <summary>
/// Loads libvips (from <c>Avatars:LibraryPath</c>, or this platform's usual file name) and sets it
/// up for untrusted input. When it can't be loaded the service runs on without avatar uploads:
/// <see cref="Problem"/> says why, for the log, /health and the endpoint's 503.
/// </summary>
public sealed class VipsLibrary : IHostedService
{
    // libvips is process-wide: loaded, initialised and locked down once, whichever host asks first.
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IntPtr> Handles = [];

    static VipsLibrary() => NativeLibrary.SetDllImportResolver(typeof(VipsLibrary).Assembly, Resolve);

    public VipsLibrary(IOptions<AvatarOptions> options, ILogger<VipsLibrary> log)
    {
        var fileName = options.Value.LibraryPath is { Length: > 0 } path ? path : DefaultFileName;
        lock (Gate) Problem = Load(fileName);
        if (Problem is not null)
            log.LogError("Avatar uploads are unavailable: {Problem}. Install libvips 8.13 or later (README, Avatars) or set Avatars:LibraryPath", Problem);
    }

    /// <summary>Why avatar uploads can't work here, or null when they can.</summary>
    public string? Problem { get; }

    public bool IsAvailable => Problem is null;

    public static string DefaultFileName => FileNameOf(LibVips.Vips);

    // Constructed as a hosted service so a missing library is logged at start, not at the first upload.
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The loaded library behind a logical name of <see cref="LibVips"/>, for other assemblies' resolvers (tests).</summary>
    internal static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        lock (Gate) return Handles.GetValueOrDefault(name);
    }

    private static string? Load(string fileName)
    {
        if (!NativeLibrary.TryLoad(fileName, out var vips)) return $"libvips not found ({fileName})";
        if (Handles.Count > 0) return null;

        // GObject and GLib come with libvips: beside it when it was named by path, else by the usual names.
        var folder = Path.GetDirectoryName(fileName);
        var handles = new Dictionary<string, IntPtr> { [LibVips.Vips] = vips };
        foreach (var name in new[] { LibVips.GObject, LibVips.GLib })
        {
            var file = FileNameOf(name);
            if (!(!string.IsNullOrEmpty(folder) && NativeLibrary.TryLoad(Path.Combine(folder, file), out var handle))
                && !NativeLibrary.TryLoad(file, out handle))
                return $"{file} (needed by libvips) not found";
            handles[name] = handle;
        }
        foreach (var (name, handle) in handles) Handles[name] = handle;

        try
        {
            return Initialise();
        }
        catch (EntryPointNotFoundException missing)
        {
            Handles.Clear();
            return $"libvips 8.13 or later is required ({missing.Message})";
        }
    }

    private static string? Initialise()
    {
        var (major, minor) = (LibVips.Version(0), LibVips.Version(1));
        if (major < 8 || (major == 8 && minor < 13))
        {
            Handles.Clear();
            return $"libvips 8.13 or later is required (found {major}.{minor})";
        }
        // vips_init loads the optional format modules (HEIF, JXL, ImageMagick, OpenSlide, Poppler) from
        // $VIPSHOME/lib with global symbol binding. OpenSlide drags in the system libsqlite3, whose
        // symbols then override the bundled SQLite of the store and crash it. Avatars need none of
        // those formats, so VIPSHOME points at the app's folder, which holds no modules.
        LibVips.SetEnv("VIPSHOME", AppContext.BaseDirectory, 1);
        if (LibVips.Init("ContactsApi") != 0)
        {
            var error = LibVips.TakeError();
            Handles.Clear();
            return $"libvips failed to start: {error}";
        }
        // Uploads are hostile: refuse every loader libvips marks untrusted, then every loader at all
        // except the four formats avatars accept, so even a mislabelled file can't reach another parser.
        LibVips.BlockUntrustedSet(1);
        LibVips.OperationBlockSet("VipsForeignLoad", 1);
        foreach (var loader in AvatarResizer.AllowedLoaders) LibVips.OperationBlockSet(loader, 0);
        // One thread per resize: the service runs one resize per core itself (AvatarService).
        LibVips.ConcurrencySet(1);
        // The operation cache would keep uploads' pixels alive after their request.
        LibVips.CacheSetMax(0);
        return null;
    }

    private static string FileNameOf(string library) => (library, OperatingSystem.IsWindows(), OperatingSystem.IsMacOS()) switch
    {
        (LibVips.Vips, true, _) => "libvips-42.dll",
        (LibVips.Vips, _, true) => "libvips.42.dylib",
        (LibVips.Vips, _, _) => "libvips.so.42",
        (LibVips.GObject, true, _) => "libgobject-2.0-0.dll",
        (LibVips.GObject, _, true) => "libgobject-2.0.0.dylib",
        (LibVips.GObject, _, _) => "libgobject-2.0.so.0",
        (_, true, _) => "libglib-2.0-0.dll",
        (_, _, true) => "libglib-2.0.0.dylib",
        _ => "libglib-2.0.so.0",
    };
}
