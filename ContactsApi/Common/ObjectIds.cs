using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ContactsApi.Common;

/// <summary>
/// MongoDB ObjectIds as 24 lower-case hex characters: 4 bytes of seconds since the epoch, 5 random
/// bytes fixed per process, a 3-byte counter. Written by hand because MongoDB.Bson can't be restored
/// here; the layout is the one the MongoDB specification gives, so both stores share ids.
/// </summary>
public static class ObjectIds
{
    private static readonly byte[] ProcessUnique = RandomNumberGenerator.GetBytes(5);
    private static int _counter = RandomNumberGenerator.GetInt32(0, 1 << 24);

    public static string New() => New(DateTimeOffset.UtcNow);

    public static string New(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)time.ToUnixTimeSeconds());
        ProcessUnique.CopyTo(bytes[4..]);
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        bytes[9] = (byte)(counter >> 16);
        bytes[10] = (byte)(counter >> 8);
        bytes[11] = (byte)counter;
        return Convert.ToHexStringLower(bytes);
    }

    public static bool IsValid(string? id) =>
        id is { Length: 24 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
