using System.Security.Cryptography;

namespace ContactsApi.Contacts;

/// <summary>
/// A contact's photo as its card held it: the bytes and the media type the card gave (null when it gave
/// none), stored apart from the contact, which keeps only its <see cref="Tag"/>.
/// </summary>
public sealed record ContactPhoto(string? MediaType, byte[] Data)
{
    private const string Binary = "application/octet-stream";

    public string Tag => TagOf(Data);

    /// <summary>The first 128 bits of the bytes' SHA-256: enough to tell two photos apart, short enough to store on every contact.</summary>
    public static string TagOf(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data))[..32];

    /// <summary>
    /// The type it is served as: what its bytes are when they are a common image, else the card's type if it
    /// names an image (never SVG, which can carry script), else plain bytes. With <c>nosniff</c>, no browser
    /// can then take a photo for a page.
    /// </summary>
    public string ServedType => Sniff(Data) ?? (MediaType is { } declared && declared.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
        && !declared.Contains("svg", StringComparison.OrdinalIgnoreCase) ? declared.ToLowerInvariant() : Binary);

    private static string? Sniff(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c' or (byte)'x', ..] => "image/heic",
        _ => null,
    };
}
