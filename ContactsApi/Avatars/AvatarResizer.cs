using System.Runtime.InteropServices;
using ContactsApi.Common;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

/// <summary>
/// Turns an untrusted upload into a 250×250 PNG through libvips: only the PNG, JPEG, WebP and GIF
/// loaders, the header's pixel count checked before any pixel is decoded, EXIF orientation applied,
/// the centre kept, and every piece of metadata (EXIF, GPS, XMP, ICC) left out of the result.
/// </summary>
public sealed class AvatarResizer(IOptions<AvatarOptions> options, ILogger<AvatarResizer> log)
{
    public const int Size = 250;
    public const string NotAnImage = "File is not a supported image";

    /// <summary>The loaders allowed to read uploads; libvips' buffer loaders are subclasses named after them.</summary>
    internal static readonly string[] AllowedLoaders =
        ["VipsForeignLoadPng", "VipsForeignLoadJpeg", "VipsForeignLoadWebp", "VipsForeignLoadNsgif"];

    /// <summary>
    /// The upload must sit in a pinned array (<see cref="GC.AllocateUninitializedArray{T}"/> with
    /// pinned: true): libvips reads it lazily, up to the moment the PNG is written.
    /// </summary>
    public byte[] ToPng(byte[] upload)
    {
        var data = Marshal.UnsafeAddrOfPinnedArrayElement(upload, 0);
        var size = (nuint)upload.Length;

        var loader = Marshal.PtrToStringUTF8(LibVips.ForeignFindLoadBuffer(data, size));
        LibVips.ErrorClear();
        if (loader is null || !AllowedLoaders.Any(loader.StartsWith)) throw Refused($"loader {loader ?? "none"}");
        CheckPixelCount(data, size);

        // fail_on=error: a truncated or corrupt file is refused instead of coming back half grey.
        if (LibVips.ThumbnailBuffer(data, size, out var thumbnail, Size, "height", Size,
                "crop", LibVips.InterestingCentre, "option_string", "fail_on=error", IntPtr.Zero) != 0)
            throw Refused(LibVips.TakeError());
        try
        {
            return LibVips.WriteToArray(thumbnail, ".png[strip]") ?? throw Refused(LibVips.TakeError());
        }
        finally
        {
            LibVips.ObjectUnref(thumbnail);
            // Only the pointer is used past this point's start; the array must outlive libvips' last read.
            GC.KeepAlive(upload);
        }
    }

    // Opening an image reads its header only; the pixels would load later, so a bomb stops here.
    private void CheckPixelCount(IntPtr data, nuint size)
    {
        var header = LibVips.ImageNewFromBuffer(data, size, "", IntPtr.Zero);
        if (header == IntPtr.Zero) throw Refused(LibVips.TakeError());
        try
        {
            var pixels = (long)LibVips.ImageGetWidth(header) * LibVips.ImageGetHeight(header);
            if (pixels > options.Value.MaxPixels)
            {
                log.LogInformation("Refused an avatar of {Pixels} pixels", pixels);
                throw ApiException.BadRequest($"The image is too large: at most {options.Value.MaxPixels} pixels");
            }
        }
        finally
        {
            LibVips.ObjectUnref(header);
        }
    }

    private ApiException Refused(string reason)
    {
        log.LogInformation("Refused an avatar upload: {Reason}", reason);
        return ApiException.BadRequest(NotAnImage);
    }
}
