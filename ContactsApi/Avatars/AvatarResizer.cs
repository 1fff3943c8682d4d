using ContactsApi.Common;
using Microsoft.Extensions.Options;
using NetVips;

namespace ContactsApi.Avatars;

/// <summary>
/// Turns an untrusted upload into a 250×250 PNG (or an imported photo into a smaller JPEG) through libvips: only the PNG, JPEG, WebP and GIF
/// loaders, the header read (and its pixel count checked) before any pixel is decoded, EXIF
/// orientation applied, the centre kept, and every piece of metadata (EXIF, GPS, XMP, ICC) left out.
/// </summary>
public sealed class AvatarResizer(IOptions<AvatarOptions> options, ILogger<AvatarResizer> log)
{
    public const int Size = 250;
    public const string NotAnImage = "File is not a supported image";

    /// <summary>Reads the upload's header only (the pixels would load later, so a bomb stops here) and checks it.</summary>
    public Outcome<ImageHeader> ReadHeader(byte[] upload)
    {
        var loader = Image.FindLoadBuffer(upload);
        if (loader is null || !ImageLibrary.AllowedLoaders.Any(loader.StartsWith)) return Refused($"loader {loader ?? "none"}");
        try
        {
            using var image = Image.NewFromBuffer(upload, failOn: Enums.FailOn.Error);
            var header = new ImageHeader(image.Width, image.Height, image.Bands, BytesPerBand(image.Format),
                image.Contains("interlaced") && image.Get("interlaced") is 1);
            if (header.Pixels > options.Value.MaxPixels)
            {
                log.LogInformation("Refused an avatar of {Pixels} pixels", header.Pixels);
                return Refusal.BadRequest($"The image is too large: at most {options.Value.MaxPixels} pixels");
            }
            return header;
        }
        catch (VipsException e)
        {
            return Refused(e.Message);
        }
    }

    /// <summary>Decodes, turns upright, crops the centre and writes a PNG without metadata.</summary>
    public Outcome<byte[]> ToPng(byte[] upload)
    {
        try
        {
            // fail_on=error: a truncated or corrupt file is refused instead of coming back half grey. It goes
            // in the loader's option string: thumbnail_buffer's own fail_on argument doesn't reach the loader.
            using var thumbnail = Image.ThumbnailBuffer(upload, Size, height: Size, crop: Enums.Interesting.Centre, optionString: "fail_on=error");
            return thumbnail.PngsaveBuffer(keep: Enums.ForeignKeep.None);
        }
        catch (VipsException e)
        {
            return Refused(e.Message);
        }
    }

    /// <summary>
    /// An imported contact's photo made smaller: turned upright, fitted within <paramref name="side"/> pixels
    /// square (never enlarged), transparency laid on white, and written as a JPEG without metadata, the
    /// format every phone reads in a card.
    /// </summary>
    public Outcome<byte[]> ToSmallerJpeg(byte[] photo, int side)
    {
        try
        {
            using var thumbnail = Image.ThumbnailBuffer(photo, side, height: side, size: Enums.Size.Down, optionString: "fail_on=error");
            using var opaque = thumbnail.HasAlpha() ? thumbnail.Flatten(background: [255.0]) : thumbnail.Copy();
            return opaque.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
        }
        catch (VipsException e)
        {
            return Refused(e.Message);
        }
    }

    private static int BytesPerBand(Enums.BandFormat format) => format switch
    {
        Enums.BandFormat.Uchar or Enums.BandFormat.Char => 1,
        Enums.BandFormat.Ushort or Enums.BandFormat.Short => 2,
        Enums.BandFormat.Double or Enums.BandFormat.Complex => 8,
        Enums.BandFormat.Dpcomplex => 16,
        _ => 4,
    };

    // libvips says what is wrong with a file by throwing; the client hears only that it is not an image.
    private Refusal Refused(string reason)
    {
        log.LogInformation("Refused an avatar upload: {Reason}", reason);
        return Refusal.BadRequest(NotAnImage);
    }
}
