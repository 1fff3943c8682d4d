using System.ComponentModel.DataAnnotations;

namespace ContactsApi.Avatars;

public sealed class AvatarOptions
{
    public const string Section = "Avatars";

    /// <summary>The most an upload may be; <see cref="MaxBytes"/> may lower it, not raise it.</summary>
    public const long UploadLimitBytes = 5 * 1024 * 1024;

    /// <summary>The request limit of the upload endpoint: the file plus room for the multipart framing.</summary>
    public const long MaxRequestBytes = UploadLimitBytes + 64 * 1024;

    /// <summary>The static files root; avatars go to its <c>avatars/</c> folder. Relative to the working directory.</summary>
    public string PublicFolder { get; set; } = "public";

    /// <summary>Largest accepted upload, checked before a byte of it is decoded.</summary>
    [Range(1, UploadLimitBytes)]
    public long MaxBytes { get; set; } = UploadLimitBytes;

    /// <summary>
    /// Largest width × height an upload's header may declare. A small file can declare a huge image
    /// (a decompression bomb); this refuses it before its pixels are decoded.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The libvips library file or path; empty for this platform's usual name (libvips.so.42 on Linux).</summary>
    public string? LibraryPath { get; set; }
}
