using System.ComponentModel.DataAnnotations;
using ContactsApi.Security;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

public sealed class AvatarOptions
{
    public const string Section = "Avatars";

    /// <summary>The most an upload may be; <see cref="MaxBytes"/> may lower it, not raise it.</summary>
    public const long UploadLimitBytes = 5 * 1024 * 1024;

    /// <summary>The request limit of the upload endpoint: the file plus room for the multipart framing.</summary>
    public const long MaxRequestBytes = UploadLimitBytes + 64 * 1024;

    /// <summary>
    /// Where uploaded avatars are written and served from (at <c>/avatars/</c>, beside the default
    /// avatar shipped in <c>wwwroot/avatars/</c>). Unset: <c>avatars</c> in the data folder. A relative
    /// path is made absolute against the content root at start (<see cref="AvatarPaths"/>).
    /// </summary>
    public string? UploadFolder { get; set; }

    /// <summary>Largest accepted upload, checked before a byte of it is decoded.</summary>
    [Range(1, UploadLimitBytes)]
    public long MaxBytes { get; set; } = UploadLimitBytes;

    /// <summary>
    /// Largest width × height an upload's header may declare. A small file can declare a huge image
    /// (a decompression bomb); this refuses it before its pixels are decoded.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// The memory, in MB, that decodes running at once may be charged (<see cref="DecodeMemory"/>).
    /// The default lets the largest image the pixel limit allows (16-bit RGBA, interlaced: 800 MB) decode alone.
    /// </summary>
    [Range(16, 1024 * 1024)]
    public int DecodeMemoryMB { get; set; } = 1024;

    /// <summary>Uploads received and processed at once; more wait before their body is read (<see cref="UploadSlots"/>).</summary>
    [Range(1, 10_000)]
    public int UploadsAtOnce { get; set; } = 16;

    /// <summary>Uploads one user may make in a window; more → 429 with <c>Retry-After</c>.</summary>
    [ValidateObjectMembers]
    public RateLimitRule UploadRate { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };
}
