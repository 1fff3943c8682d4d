using ContactsApi.Common;
using Microsoft.Net.Http.Headers;

namespace ContactsApi.Contacts;

/// <summary>
/// Conditional requests on one contact (RFC 9110 §13) by its <see cref="ContactETag"/>: <c>If-None-Match</c>
/// on a read, <c>If-Match</c> on a write. A write's check runs on the contact as stored, inside the store's
/// atomic step, so a concurrent write can't slip between the check and the write.
/// </summary>
public static class ContactPreconditions
{
    public static readonly Refusal Failed = new(StatusCodes.Status412PreconditionFailed, "The contact has changed; fetch it again");

    /// <summary>The check of the request's <c>If-Match</c>, or null when it has none.</summary>
    public static Func<Contact, Refusal?>? IfMatch(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(HeaderNames.IfMatch, out var values)) return null;
        var tags = EntityTagHeaderValue.TryParseList(values, out var parsed) ? parsed : [];
        // A tag list that can't be read matches nothing: the write is refused rather than made blindly.
        return contact =>
        {
            var current = ContactETag.Of(contact);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || !t.IsWeak && t.Tag.Value == current) ? null : Failed;
        };
    }

    /// <summary>The edit, first refused by a stale <c>If-Match</c>.</summary>
    public static Func<Contact, Outcome<Contact>> Guarded(Func<Contact, Refusal?> check, Func<Contact, Outcome<Contact>> change) =>
        contact => check(contact) is { } refused ? refused : change(contact);

    /// <summary>Whether the request's <c>If-None-Match</c> names the contact's tag, <paramref name="etag"/> (weakly, as a GET compares).</summary>
    public static bool NotModified(HttpRequest request, string etag)
    {
        if (!request.Headers.TryGetValue(HeaderNames.IfNoneMatch, out var values)
            || !EntityTagHeaderValue.TryParseList(values, out var tags)) return false;
        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>Sets the response's <c>ETag</c> to the contact's, and returns the contact.</summary>
    public static Contact Tagged(this HttpResponse response, Contact contact)
    {
        response.Headers.ETag = ContactETag.Of(contact);
        return contact;
    }
}
