using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ContactsApi.Avatars;
using Microsoft.Extensions.Logging.Abstractions;
using NetVips;

namespace ContactsApi.Tests.Avatars;

public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb Red = new(255, 0, 0), Green = new(0, 200, 0), Blue = new(0, 0, 255), White = new(255, 255, 255);

    /// <summary>Close enough after lossy encoding and resampling.</summary>
    public bool IsNear(Rgb other) => Math.Abs(R - other.R) + Math.Abs(G - other.G) + Math.Abs(B - other.B) < 60;
}

/// <summary>Pixels read back from an image file, RGB per pixel.</summary>
public sealed record DecodedImage(int Width, int Height, int Bands, byte[] Pixels, bool HasExif)
{
    public Rgb At(int x, int y)
    {
        var i = (y * Width + x) * Bands;
        return new Rgb(Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }
}

/// <summary>
/// Test images made and read through libvips itself (NetVips, as the service uses it), and hostile
/// files crafted byte by byte.
/// </summary>
public static class TestImages
{
    static TestImages()
    {
        // The service's set-up (loaders allowed, cache off) applies to the whole process, tests' reads included.
        Assert.True(new ImageLibrary(NullLogger<ImageLibrary>.Instance).IsAvailable, "libvips did not start");
    }

    /// <summary>An image <paramref name="width"/>×<paramref name="height"/> painted by <paramref name="paint"/>, saved as <paramref name="suffix"/> (".png", ".jpg[Q=95]"...).</summary>
    public static byte[] Encode(int width, int height, Func<int, int, Rgb> paint, string suffix)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = paint(x, y);
                var i = (y * width + x) * 3;
                (pixels[i], pixels[i + 1], pixels[i + 2]) = (r, g, b);
            }
        using var image = Image.NewFromMemory(pixels, width, height, 3, Enums.BandFormat.Uchar);
        return image.WriteToBuffer(suffix);
    }

    public static byte[] Solid(Rgb colour, string suffix, int width = 400, int height = 300) =>
        Encode(width, height, (_, _) => colour, suffix);

    /// <summary>A binary PPM (P6): a format libvips can read where it is built with it, and avatars refuse.</summary>
    public static byte[] Ppm(Rgb colour, int width = 400, int height = 300) =>
        [.. Encoding.ASCII.GetBytes($"P6\n{width} {height}\n255\n"), .. Enumerable.Repeat(new[] { colour.R, colour.G, colour.B }, width * height).SelectMany(p => p)];

    /// <summary>
    /// A progressive (interlaced) JPEG of <paramref name="side"/>² pixels without chroma subsampling:
    /// small as a file (smooth gradients), but its decoder holds every coefficient and every pixel.
    /// </summary>
    public static byte[] ProgressiveJpeg(int side)
    {
        using var x = Image.Xyz(side, side);
        using var rgb = (x[0] * 255.0 / side).Bandjoin(x[1] * 255.0 / side, (x[0] + x[1]) * 127.0 / side).Cast(Enums.BandFormat.Uchar);
        return rgb.JpegsaveBuffer(q: 75, interlace: true, subsampleMode: Enums.ForeignSubsample.Off);
    }

    /// <summary>Reads an image file's pixels and whether it carries EXIF data.</summary>
    public static DecodedImage Decode(byte[] file, out int orientation)
    {
        using var image = Image.NewFromBuffer(file);
        orientation = image.Contains("orientation") ? (int)image.Get("orientation") : 1;
        var hasExif = image.Contains("exif-data");
        var pixels = image.WriteToMemory<byte>();
        return new DecodedImage(image.Width, image.Height, image.Bands, pixels, hasExif);
    }

    public static DecodedImage Decode(byte[] file) => Decode(file, out _);

    /// <summary>True when libvips reads a GPS field from the file's EXIF.</summary>
    public static bool HasGps(byte[] file)
    {
        using var image = Image.NewFromBuffer(file);
        return image.Contains("exif-ifd3-GPSLatitude");
    }

    /// <summary>
    /// A JPEG whose EXIF says "rotate 90° clockwise to display" (orientation 6) and carries a GPS
    /// position: an APP1 segment written by hand, spliced in after the start-of-image marker.
    /// </summary>
    public static byte[] WithExifOrientation6AndGps(byte[] jpeg)
    {
        var tiff = new byte[92];
        void U16(int at, int v) => BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)v);
        void U32(int at, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), v);
        void Entry(int at, int tag, int type, uint count, uint value) { U16(at, tag); U16(at + 2, type); U32(at + 4, count); U32(at + 8, value); }
        "II"u8.CopyTo(tiff); U16(2, 42); U32(4, 8);
        U16(8, 2);                                       // IFD0 at 8: two entries
        Entry(10, 0x0112, 3, 1, 6);                      // Orientation = 6
        Entry(22, 0x8825, 4, 1, 38);                     // GPS IFD at 38
        U32(34, 0);
        U16(38, 2);                                      // GPS IFD: two entries
        Entry(40, 0x0001, 2, 2, 'N');                    // GPSLatitudeRef "N"
        Entry(52, 0x0002, 5, 3, 68);                     // GPSLatitude: three rationals at 68
        U32(64, 0);
        foreach (var (i, n) in new[] { (0, 52u), (1, 22u), (2, 7u) }) { U32(68 + i * 8, n); U32(72 + i * 8, 1); }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>
    /// A valid PNG of a few hundred bytes whose header declares 30000×30000 RGB pixels: 2.7 GB
    /// once decoded. Only the first rows' worth of compressed data follows.
    /// </summary>
    public static byte[] DecompressionBombPng(int width = 30000, int height = 30000)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; header[9] = 2;                    // 8 bits, RGB; compression, filter, interlace 0
        var rows = new MemoryStream();
        using (var zlib = new ZLibStream(rows, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(new byte[(width * 3 + 1) * 4]);
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. Chunk("IHDR", header), .. Chunk("IDAT", rows.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a few chunks need no table.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
