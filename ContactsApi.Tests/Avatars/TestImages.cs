using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using ContactsApi.Avatars;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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
/// Test images made and read through libvips itself (the service's binding plus a few calls only
/// tests need), and hostile files crafted byte by byte.
/// </summary>
public static class TestImages
{
    static TestImages()
    {
        NativeLibrary.SetDllImportResolver(typeof(TestImages).Assembly, VipsLibrary.Resolve);
        var vips = new VipsLibrary(Options.Create(new AvatarOptions()), NullLogger<VipsLibrary>.Instance);
        Assert.True(vips.IsAvailable, vips.Problem);
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
        var image = NewFromMemoryCopy(pixels, (nuint)pixels.Length, width, height, 3, 0);
        Assert.NotEqual(IntPtr.Zero, image);
        try
        {
            return LibVips.WriteToArray(image, suffix) ?? throw new InvalidOperationException(LibVips.TakeError());
        }
        finally
        {
            LibVips.ObjectUnref(image);
        }
    }

    public static byte[] Solid(Rgb colour, string suffix, int width = 400, int height = 300) =>
        Encode(width, height, (_, _) => colour, suffix);

    /// <summary>Reads an image file's pixels and whether it carries EXIF data.</summary>
    public static DecodedImage Decode(byte[] file, out int orientation)
    {
        var pinned = GC.AllocateUninitializedArray<byte>(file.Length, pinned: true);
        file.CopyTo(pinned, 0);
        var image = LibVips.ImageNewFromBuffer(Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0), (nuint)pinned.Length, "", IntPtr.Zero);
        Assert.True(image != IntPtr.Zero, LibVips.TakeError());
        try
        {
            orientation = GetInt(image, "orientation", out var value) == 0 ? value : 1;
            var hasExif = GetTypeof(image, "exif-data") != 0;
            var memory = WriteToMemory(image, out var size);
            Assert.True(memory != IntPtr.Zero, LibVips.TakeError());
            try
            {
                var pixels = new byte[checked((int)size)];
                Marshal.Copy(memory, pixels, 0, pixels.Length);
                return new DecodedImage(LibVips.ImageGetWidth(image), LibVips.ImageGetHeight(image), GetBands(image), pixels, hasExif);
            }
            finally
            {
                LibVips.Free(memory);
            }
        }
        finally
        {
            LibVips.ObjectUnref(image);
            GC.KeepAlive(pinned);
        }
    }

    public static DecodedImage Decode(byte[] file) => Decode(file, out _);

    /// <summary>True when libvips reads a GPS field from the file's EXIF.</summary>
    public static bool HasGps(byte[] file)
    {
        var pinned = GC.AllocateUninitializedArray<byte>(file.Length, pinned: true);
        file.CopyTo(pinned, 0);
        var image = LibVips.ImageNewFromBuffer(Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0), (nuint)pinned.Length, "", IntPtr.Zero);
        Assert.True(image != IntPtr.Zero, LibVips.TakeError());
        try
        {
            return GetTypeof(image, "exif-ifd3-GPSLatitude") != 0;
        }
        finally
        {
            LibVips.ObjectUnref(image);
            GC.KeepAlive(pinned);
        }
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

    [DllImport(LibVips.Vips, EntryPoint = "vips_image_new_from_memory_copy")]
    private static extern IntPtr NewFromMemoryCopy(byte[] data, nuint size, int width, int height, int bands, int format);

    [DllImport(LibVips.Vips, EntryPoint = "vips_image_write_to_memory")]
    private static extern IntPtr WriteToMemory(IntPtr image, out nuint size);

    [DllImport(LibVips.Vips, EntryPoint = "vips_image_get_bands")]
    private static extern int GetBands(IntPtr image);

    [DllImport(LibVips.Vips, EntryPoint = "vips_image_get_typeof")]
    private static extern nuint GetTypeof(IntPtr image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(LibVips.Vips, EntryPoint = "vips_image_get_int")]
    private static extern int GetInt(IntPtr image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, out int value);
}
