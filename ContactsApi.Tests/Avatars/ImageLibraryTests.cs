using System.Diagnostics;
using ContactsApi.Avatars;
using NetVips;

namespace ContactsApi.Tests.Avatars;

/// <summary>libvips as the service sets it up, process-wide (TestImages' first use sets it up).</summary>
public sealed class ImageLibraryTests
{
    private static readonly string[] LibraryNames = ["libvips.so.42", "libvips.42.dylib", "libvips-42.dll"];

    [Fact]
    public void The_libvips_inside_the_NetVips_Native_package_is_loaded_and_no_optional_module()
    {
        TestImages.Solid(Rgb.Red, ".png");

        var modules = Process.GetCurrentProcess().Modules.Cast<ProcessModule>().Select(m => m.FileName).ToArray();

        // From the build output's runtimes/<rid>/native (or beside the program, when published for one RID),
        // never a system copy: nothing is installed on the machine for avatars.
        var vips = Assert.Single(modules, m => LibraryNames.Contains(Path.GetFileName(m)));
        Assert.StartsWith(AppContext.BaseDirectory, vips);
        // Modules (HEIF, JPEG XL, OpenSlide, ImageMagick, PDF) live in vips-modules-8.x folders; OpenSlide's
        // would load the system SQLite over the store's own.
        Assert.DoesNotContain(modules, m => m.Contains("vips-modules", StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[]> RefusedLoaders() => new()
    {
        { "tiffload_buffer", TestImages.Solid(Rgb.Red, ".tif") },
        { "heifload_buffer", TestImages.Solid(Rgb.Red, ".avif") },
        { "svgload_buffer", """<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>"""u8.ToArray() },
        { "matrixload_source", "2 2\n1 2\n3 4\n"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(RefusedLoaders))]
    public void Every_loader_but_the_four_accepted_formats_is_blocked(string loader, byte[] file)
    {
        var error = Assert.Throws<VipsException>(() =>
        {
            using var source = Source.NewFromMemory(file);
            using var image = (Image)Operation.Call(loader, loader.EndsWith("_source") ? source : file);
        });

        Assert.Contains("blocked", error.Message);
    }

    [Theory]
    [InlineData(".png", "pngload_buffer")]
    [InlineData(".jpg", "jpegload_buffer")]
    [InlineData(".webp", "webpload_buffer")]
    [InlineData(".gif", "gifload_buffer")]
    public void The_four_accepted_formats_load(string suffix, string loader)
    {
        using var image = (Image)Operation.Call(loader, TestImages.Solid(Rgb.Red, suffix));

        Assert.Equal((400, 300), (image.Width, image.Height));
        Assert.Contains(ImageLibrary.AllowedLoaders, allowed => Image.FindLoadBuffer(TestImages.Solid(Rgb.Red, suffix))!.StartsWith(allowed));
    }
}
