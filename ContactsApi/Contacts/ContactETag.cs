using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ContactsApi.Contacts;

/// <summary>
/// A contact's entity tag, the one every protocol shows (the REST API's <c>ETag</c>, CardDAV's
/// <c>getetag</c>): a fingerprint of the whole stored contact, so it changes with any field and is the same
/// for the same contact read from either store. Times count to the millisecond, as both stores keep them, so
/// a contact as written and the same contact read back agree. The stores keep it beside the contact, written
/// with every write (<see cref="TaggedContact"/>), so reads and listings don't compute it again.
/// </summary>
public static class ContactETag
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The tag as a quoted strong entity tag (RFC 9110), ready for a header.</summary>
    public static string Of(Contact contact)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(contact with
        {
            CreatedAt = ToMilliseconds(contact.CreatedAt),
            UpdatedAt = ToMilliseconds(contact.UpdatedAt),
        }, Json);
        return $"\"{WebEncoders.Base64UrlEncode(SHA256.HashData(bytes), 0, 16)}\"";
    }

    private static DateTime ToMilliseconds(DateTime time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
