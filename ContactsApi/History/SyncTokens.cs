using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ContactsApi.Auth;
using ContactsApi.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ContactsApi.History;

/// <summary>
/// The sync feed's tokens: opaque to clients, and signed, so a client can neither forge one nor take
/// another user's. A token holds its owner, the position in the change log where the next page starts
/// and when it was given out; one older than <see cref="HistoryOptions.Retention"/> may point before
/// changes that have been purged since, so it is refused as expired (410) and the client syncs again
/// from the start. The key is derived from the service's token signing key, so there is no second
/// secret to configure, and a sync token can never pass as a JWT or the other way round.
/// </summary>
public sealed class SyncTokens
{
    public static readonly Refusal Invalid = Refusal.BadRequest("\"since\" is not a sync token");
    public static readonly Refusal Expired = new(StatusCodes.Status410Gone, "The sync token has expired; sync again from the start");

    private const int OwnerBytes = 12, PayloadBytes = OwnerBytes + 8 + 8, MacBytes = 16;

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly IOptions<HistoryOptions> _options;

    public SyncTokens(SigningKeyProvider signing, TimeProvider time, IOptions<HistoryOptions> options)
    {
        _key = HMACSHA256.HashData(signing.Key.Key, Encoding.ASCII.GetBytes("contacts-api sync token v1"));
        _time = time;
        _options = options;
    }

    public string Issue(string owner, long position)
    {
        Span<byte> token = stackalloc byte[PayloadBytes + MacBytes];
        Convert.FromHexString(owner, token[..OwnerBytes], out _, out _);
        BinaryPrimitives.WriteInt64BigEndian(token[OwnerBytes..], position);
        BinaryPrimitives.WriteInt64BigEndian(token[(OwnerBytes + 8)..], _time.GetUtcNow().ToUnixTimeMilliseconds());
        Mac(token[..PayloadBytes], token[PayloadBytes..]);
        return WebEncoders.Base64UrlEncode(token);
    }

    /// <summary>The position a token of this owner holds, or why it is refused (400 not a token, 410 expired).</summary>
    public Outcome<long> Read(string owner, string token)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return Invalid;
        }
        if (bytes.Length != PayloadBytes + MacBytes) return Invalid;
        Span<byte> mac = stackalloc byte[MacBytes];
        Mac(bytes.AsSpan(0, PayloadBytes), mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes.AsSpan(PayloadBytes))
            || !Convert.ToHexStringLower(bytes.AsSpan(0, OwnerBytes)).Equals(owner, StringComparison.Ordinal)) return Invalid;
        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(OwnerBytes + 8)));
        if (issued < _time.GetUtcNow() - _options.Value.Retention) return Expired;
        return BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(OwnerBytes));
    }

    private void Mac(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, full);
        full[..MacBytes].CopyTo(mac);
    }
}
