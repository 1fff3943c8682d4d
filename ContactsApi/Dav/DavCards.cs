using System.Text;
using ContactsApi.Backup;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Security;
using ContactsApi.Vcards;
using Microsoft.Net.Http.Headers;
using static ContactsApi.Dav.DavXml;

namespace ContactsApi.Dav;

/// <summary>
/// The cards of the address book, read and written as vCards through the codec and the import's mapping
/// (<see cref="ContactCards"/>, <see cref="ContactEdit.FromCard"/>): a card a phone PUTs is a contact of the
/// REST API, and a contact made there is a card. Writes are conditional on the entity tag the client holds
/// (<c>If-Match</c>, <c>If-None-Match: *</c>; <see cref="ContactPreconditions"/>, as the REST API's) and cost a token of the user's contact-write rate each.
/// </summary>
public sealed class DavCards(IContactRepository contacts, AddressBook book, ContactWriteBuckets writes, TimeProvider time)
{
    public const string MediaType = "text/vcard; charset=utf-8";
    /// <summary>A card with a phone's photo fits many times over; a bound, so no one card can take the server's memory.</summary>
    public const int MaxCardBytes = 1024 * 1024;

    public async Task GetAsync(HttpContext http, string owner, DavCard card)
    {
        http.Response.Headers.ETag = card.ETag;
        if (ContactPreconditions.NotModified(http.Request, card.ETag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.ContentType = MediaType;
        await http.Response.WriteAsync(await TextAsync(owner, card.Contact, VcardVersion.V3, http.RequestAborted), http.RequestAborted);
    }

    /// <summary>The contact's card as the address book serves it, with its photo.</summary>
    public async Task<string> TextAsync(string owner, Contact contact, VcardVersion version, CancellationToken ct)
    {
        var photo = contact.HasPhoto ? await contacts.FindPhotoAsync(owner, contact.Id, ct) : null;
        return VcardWriter.ToText(ContactCards.ToCard(contact, photo), version);
    }

    public async Task PutAsync(HttpContext http, string owner, string name, DavCard? existing)
    {
        var request = http.Request;
        if (request.ContentLength > MaxCardBytes)
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, CardDav + "max-resource-size");
            return;
        }
        if (!IsVcard(request.ContentType))
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status415UnsupportedMediaType, CardDav + "supported-address-data");
            return;
        }
        var (body, unread) = await DavBodies.ReadAsync(request, MaxCardBytes);
        if (unread is { Status: StatusCodes.Status413PayloadTooLarge })
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, CardDav + "max-resource-size");
            return;
        }
        if (unread is not null)
        {
            await WriteRefusalAsync(http, unread);
            return;
        }
        var read = VcardReader.Parse(Encoding.UTF8.GetString(body!));
        if (read.Count == 0)
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status415UnsupportedMediaType, CardDav + "supported-address-data");
            return;
        }
        // One card a resource (RFC 6352, 5.1), and one this service can hold.
        if (read is not [{ IsCard: true } only] || ContactCards.FromCard(only.Card) is not ({ } imported, null))
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, CardDav + "valid-address-data");
            return;
        }

        var ifMatch = ContactPreconditions.IfMatch(request);
        if (existing is null ? ifMatch is not null : ifMatch?.Invoke(existing.Contact) is not null || CreateOnly(request, existing))
        {
            await WriteRefusalAsync(http, ContactPreconditions.Failed);
            return;
        }
        var (refused, wait) = writes.Take(owner, 1);
        if (refused is not null)
        {
            http.Response.SetRetryAfter(wait ?? TimeSpan.FromSeconds(1));
            await WriteRefusalAsync(http, refused);
            return;
        }

        var stem = AddressBook.StemOf(name);
        // A card without a UID takes its resource name as one, so the client finds it where it put it.
        var card = imported.Contact.Uid is null && AddressBook.Usable(stem) ? imported.Contact with { Uid = stem } : imported.Contact;
        var outcome = existing is null
            ? await CreateAsync(owner, card, imported.Photo, http.RequestAborted)
            : await UpdateAsync(owner, existing, card, imported.Photo, ifMatch, http.RequestAborted);
        if (outcome.Refusal is { } refusal)
        {
            await WriteRefusalAsync(http, refusal);
            return;
        }
        var written = outcome.Value!;
        http.Response.Headers.ETag = ContactETag.Of(written);
        http.Response.StatusCode = existing is null ? StatusCodes.Status201Created : StatusCodes.Status204NoContent;
        // Listed by its UID from now on: a client that put it under another name learns where it is.
        var listedAs = (await book.FindAsync(owner, AddressBook.NameFor(written.Uid ?? written.Id), http.RequestAborted))?.Name;
        if (existing is null && listedAs is not null && listedAs != name)
            http.Response.Headers.Location = DavPaths.Card(owner, listedAs);
    }

    /// <summary>Moves the card's contact to the trash, as the REST API's DELETE does; the tag is checked in the same step.</summary>
    public async Task DeleteAsync(HttpContext http, string owner, DavCard card)
    {
        var (refused, wait) = writes.Take(owner, 1);
        if (refused is not null)
        {
            http.Response.SetRetryAfter(wait ?? TimeSpan.FromSeconds(1));
            await WriteRefusalAsync(http, refused);
            return;
        }
        if (await contacts.DeleteAsync(owner, card.Contact.Id, time.UtcNow(), ContactPreconditions.IfMatch(http.Request), http.RequestAborted)
            is { } notDeleted)
        {
            await WriteRefusalAsync(http, notDeleted);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task<Outcome<Contact>> CreateAsync(string owner, Contact card, ContactPhoto? photo, CancellationToken ct)
    {
        var now = time.UtcNow();
        var contact = card with { Id = ObjectIds.New(), Owner = owner, CreatedAt = now, UpdatedAt = now };
        if (await contacts.AddAsync(contact, ct) is { } full) return full;
        if (photo is not null) await contacts.PutPhotoAsync(owner, contact.Id, photo, ct);
        return await contacts.FindAsync(owner, contact.Id, ct) is { } stored ? stored : Refusal.NotFound;
    }

    private async Task<Outcome<Contact>> UpdateAsync(string owner, DavCard existing, Contact card, ContactPhoto? photo,
        Func<Contact, Refusal?>? ifMatch, CancellationToken ct)
    {
        // The card as it is already: nothing to write, and the tag the client holds stays good.
        if (CardMatching.Holds(existing.Contact, card) && existing.Contact.Uid == card.Uid) return existing.Contact;
        var edit = new ContactEdit.FromCard(card, time.UtcNow());
        // The tag checked again inside the write, so a change that landed since the read above is never overwritten.
        var outcome = await contacts.UpdateAsync(owner, existing.Contact.Id,
            ifMatch is null ? edit.ApplyTo : ContactPreconditions.Guarded(ifMatch, edit.ApplyTo), ct);
        if (outcome.Value is { } written && photo is not null && photo.Tag != existing.Contact.PhotoTag)
            await contacts.PutPhotoAsync(owner, written.Id, photo, ct);
        return outcome;
    }

    private static bool IsVcard(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("text/vcard", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("text/x-vcard", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("text/directory", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>If-None-Match</c> on a write: <c>*</c> (or the card's tag) means "only if there is no such card yet".</summary>
    private static bool CreateOnly(HttpRequest request, DavCard existing) =>
        request.Headers.TryGetValue(HeaderNames.IfNoneMatch, out var values) && EntityTagHeaderValue.TryParseList(values, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Value == existing.ETag);

    private static Task WriteRefusalAsync(HttpContext http, Refusal refusal) => ErrorHandling.WriteProblemAsync(http, refusal.Status, refusal.Message);
}
