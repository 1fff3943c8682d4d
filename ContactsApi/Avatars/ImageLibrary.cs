using NetVips;
using Vips = NetVips.NetVips;

namespace ContactsApi.Avatars;

/// <summary>
/// libvips, through NetVips with the library NetVips.Native ships, locked down for untrusted input.
/// When it can't start, the service runs on without avatar uploads: the reason goes to the log,
/// while clients and <c>/health</c> hear only "unavailable" (a library path tells an attacker too much).
/// </summary>
public sealed class ImageLibrary
{
    /// <summary>The loaders allowed to read uploads; libvips' buffer loaders are subclasses named after them.</summary>
    public static readonly string[] AllowedLoaders =
        ["VipsForeignLoadPng", "VipsForeignLoadJpeg", "VipsForeignLoadWebp", "VipsForeignLoadNsgif"];

    // libvips is process-wide: set up once, whichever host asks first.
    private static readonly Lazy<string?> ProcessSetup = new(LockDown);

    public ImageLibrary(ILogger<ImageLibrary> log) : this(() => ProcessSetup.Value, log)
    {
    }

    /// <summary>With the set-up step given, so a test can make one that fails.</summary>
    internal ImageLibrary(Func<string?> setUp, ILogger<ImageLibrary> log)
    {
        var problem = setUp();
        IsAvailable = problem is null;
        if (problem is not null) log.LogError("Avatar uploads are unavailable: libvips did not start: {Problem}", problem);
    }

    public bool IsAvailable { get; }

    /// <summary>Null when libvips is ready for uploads, else why not.</summary>
    private static string? LockDown()
    {
        try
        {
            // NetVips starts libvips as its assembly loads and keeps any failure here.
            if (!ModuleInitializer.VipsInitialized) return ModuleInitializer.Exception?.Message ?? "unknown error";
            // "keep" (metadata to write) came in 8.15; the bundled library is newer, a system one may not be.
            if (!Vips.AtLeastLibvips(8, 15)) return $"libvips 8.15 or later is required, found {Vips.Version(0)}.{Vips.Version(1)}";

            // Uploads are hostile: refuse every loader libvips marks untrusted, then every loader at all
            // except the four formats avatars accept, so even a mislabelled file can't reach another parser.
            Vips.BlockUntrusted = true;
            Operation.Block("VipsForeignLoad", true);
            foreach (var loader in AllowedLoaders) Operation.Block(loader, false);
            // One thread per resize: the service bounds how many run at once itself (AvatarService).
            Vips.Concurrency = 1;
            // The operation cache would keep uploads' pixels alive after their request.
            Cache.Max = 0;
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or VipsException)
        {
            return e.Message;
        }
    }
}
