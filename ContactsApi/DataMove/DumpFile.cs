using System.Text.Json;
using System.Text.Json.Serialization;
using ContactsApi.Contacts;
using ContactsApi.Users;

namespace ContactsApi.DataMove;

/// <summary>
/// A dump is one JSON array, so both ends can stream it: a header, then every user (with the
/// password hash), then every contact with its phones and the rest of its card, each followed by its
/// photo when it has one. Sessions are not carried: after a move, everyone logs in again.
/// </summary>
public sealed record DumpRecord
{
    public const string FormatName = "contacts-api-dump";
    public const int CurrentVersion = 1;

    public string? Format { get; init; }
    public int? Version { get; init; }
    public User? User { get; init; }
    public Contact? Contact { get; init; }
    public DumpPhoto? Photo { get; init; }

    public static readonly DumpRecord Header = new() { Format = FormatName, Version = CurrentVersion };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A null or missing field in a damaged file is an error, not a null in the store.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}

/// <summary>A contact's photo: its bytes (base64 in the file) and the media type its card gave.</summary>
public sealed record DumpPhoto(string Owner, string ContactId, string? MediaType, byte[] Data);

/// <summary>What a move did, for the closing line and the tests.</summary>
public sealed record MoveCounts(long Users, long Contacts, long SkippedUsers = 0, long SkippedContacts = 0);

/// <summary>A move that can't go on, with a message for the person who ran it (no stack trace).</summary>
public sealed class DataMoveException(string message, Exception? inner = null) : Exception(message, inner);
