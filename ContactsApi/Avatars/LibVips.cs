using System.Runtime.InteropServices;

namespace ContactsApi.Avatars;

/// <summary>
/// The few libvips, GObject and GLib functions the avatar pipeline calls. Library names here are
/// logical; <see cref="VipsLibrary"/> resolves them to the files of this platform.
/// The C functions ending in <c>...</c> take name/value pairs closed by NULL; each overload below
/// spells out one exact list. That matches the variadic convention on x64 (SysV and Windows) and
/// Linux arm64, where variadic integer and pointer arguments travel like fixed ones; Apple arm64
/// passes variadic arguments on the stack and would need a GValue-based call instead.
/// </summary>
internal static class LibVips
{
    public const string Vips = "vips";
    public const string GObject = "gobject";
    public const string GLib = "glib";

    // VIPS_INTERESTING_CENTRE from the libvips headers: crop around the middle.
    public const int InterestingCentre = 1;

    [DllImport(Vips, EntryPoint = "vips_init")]
    public static extern int Init([MarshalAs(UnmanagedType.LPUTF8Str)] string argv0);

    [DllImport(Vips, EntryPoint = "vips_version")]
    public static extern int Version(int flag);

    [DllImport(Vips, EntryPoint = "vips_block_untrusted_set")]
    public static extern void BlockUntrustedSet(int state);

    [DllImport(Vips, EntryPoint = "vips_operation_block_set")]
    public static extern void OperationBlockSet([MarshalAs(UnmanagedType.LPUTF8Str)] string name, int state);

    [DllImport(Vips, EntryPoint = "vips_concurrency_set")]
    public static extern void ConcurrencySet(int concurrency);

    [DllImport(Vips, EntryPoint = "vips_cache_set_max")]
    public static extern void CacheSetMax(int max);

    /// <summary>The loader's class name (memory owned by libvips), or null when nothing recognises the bytes.</summary>
    [DllImport(Vips, EntryPoint = "vips_foreign_find_load_buffer")]
    public static extern IntPtr ForeignFindLoadBuffer(IntPtr data, nuint size);

    /// <summary><c>vips_image_new_from_buffer(buf, len, option_string, NULL)</c>: reads the header only; pixels load lazily.</summary>
    [DllImport(Vips, EntryPoint = "vips_image_new_from_buffer")]
    public static extern IntPtr ImageNewFromBuffer(IntPtr data, nuint size, [MarshalAs(UnmanagedType.LPUTF8Str)] string options, IntPtr end);

    [DllImport(Vips, EntryPoint = "vips_image_get_width")]
    public static extern int ImageGetWidth(IntPtr image);

    [DllImport(Vips, EntryPoint = "vips_image_get_height")]
    public static extern int ImageGetHeight(IntPtr image);

    /// <summary><c>vips_thumbnail_buffer(buf, len, &amp;out, width, "height", h, "crop", c, "option_string", s, NULL)</c>.</summary>
    [DllImport(Vips, EntryPoint = "vips_thumbnail_buffer")]
    public static extern int ThumbnailBuffer(IntPtr data, nuint size, out IntPtr output, int width,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string heightName, int height,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string cropName, int crop,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string optionStringName, [MarshalAs(UnmanagedType.LPUTF8Str)] string optionString,
        IntPtr end);

    /// <summary><c>vips_image_write_to_buffer(image, suffix, &amp;buf, &amp;len, NULL)</c>; free the buffer with <see cref="Free"/>.</summary>
    [DllImport(Vips, EntryPoint = "vips_image_write_to_buffer")]
    public static extern int ImageWriteToBuffer(IntPtr image, [MarshalAs(UnmanagedType.LPUTF8Str)] string suffix,
        out IntPtr buffer, out nuint size, IntPtr end);

    [DllImport(Vips, EntryPoint = "vips_error_buffer")]
    public static extern IntPtr ErrorBuffer();

    [DllImport(Vips, EntryPoint = "vips_error_clear")]
    public static extern void ErrorClear();

    [DllImport(GObject, EntryPoint = "g_object_unref")]
    public static extern void ObjectUnref(IntPtr gobject);

    [DllImport(GLib, EntryPoint = "g_setenv")]
    public static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport(GLib, EntryPoint = "g_free")]
    public static extern void Free(IntPtr memory);

    /// <summary>Encodes the image as <paramref name="suffix"/> says (".png[strip]") into a managed array; null when libvips fails.</summary>
    public static byte[]? WriteToArray(IntPtr image, string suffix)
    {
        if (ImageWriteToBuffer(image, suffix, out var buffer, out var length, IntPtr.Zero) != 0) return null;
        try
        {
            var bytes = new byte[checked((int)length)];
            Marshal.Copy(buffer, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            Free(buffer);
        }
    }

    /// <summary>libvips' error text (for the log), then clears it.</summary>
    public static string TakeError()
    {
        var text = Marshal.PtrToStringUTF8(ErrorBuffer()) ?? "";
        ErrorClear();
        return text.Trim();
    }
}
