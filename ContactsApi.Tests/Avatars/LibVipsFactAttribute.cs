using System.Runtime.InteropServices;
using ContactsApi.Avatars;

namespace ContactsApi.Tests.Avatars;

/// <summary>
/// A test that needs libvips. Where the library is missing it is skipped with that reason, except
/// under <c>CI=true</c>: there it runs and fails, so CI can never pass without exercising images.
/// </summary>
public sealed class LibVipsFactAttribute : FactAttribute
{
    public LibVipsFactAttribute() => Skip = LibVipsPresence.SkipReason;
}

/// <inheritdoc cref="LibVipsFactAttribute"/>
public sealed class LibVipsTheoryAttribute : TheoryAttribute
{
    public LibVipsTheoryAttribute() => Skip = LibVipsPresence.SkipReason;
}

internal static class LibVipsPresence
{
    public static readonly string? SkipReason =
        NativeLibrary.TryLoad(VipsLibrary.DefaultFileName, out _) || Environment.GetEnvironmentVariable("CI") == "true"
            ? null
            : $"libvips not found ({VipsLibrary.DefaultFileName}): install libvips42 (apt-get install libvips42) to run the avatar tests";
}
