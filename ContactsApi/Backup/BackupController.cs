using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Security;
using ContactsApi.Vcards;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ContactsApi.Backup;

/// <summary>
/// The signed-in user's contacts as vCards: a phone's whole address book in (import), and out again
/// (export, one card, a photo). Every read and write names the owner, as in <see cref="ContactsController"/>.
/// </summary>
[ApiController]
[Authorize]
[Route("api/contacts")]
[Tags("Contacts")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
public sealed class BackupController(IContactRepository contacts, VcardImport import) : ControllerBase
{
    private const string Vcard = "text/vcard";
    private const string VcardUtf8 = "text/vcard; charset=utf-8";

    private string Owner => HttpContext.CurrentUser().Id;
    private CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>
    /// Imports a .vcf file (the body as <c>text/vcard</c>, or the multipart field <c>file</c>): each card
    /// creates a contact, updates the one it matches (by UID, else by name, numbers and addresses), or
    /// leaves it unchanged; all in one transaction. A card that can't be read is reported and skipped.
    /// Costs a write a card it creates or updates, against the user's contact write rate.
    /// </summary>
    [HttpPost("import")]
    [EndpointName("importContacts")]
    [RequestSizeLimit(VcardImport.MaxBytes)]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [VcardUpload]
    [Produces("application/json")]
    [ProducesResponseType<ImportReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    public async Task<ActionResult<ImportReport>> Import()
    {
        try
        {
            var (file, refusal) = await FileAsync();
            if (refusal is not null) return refusal;
            var result = await import.ImportAsync(Owner, file!, Aborted);
            if (result.RetryAfter is { } wait) Response.SetRetryAfter(wait);
            return result.Refusal is null ? result.Report! : result.Refusal;
        }
        catch (BadHttpRequestException unread)
        {
            // Past the size limit as it streamed in, or cut short.
            return RequestSizeLimits.Unread(unread, HttpContext);
        }
        catch (Exception broken) when (broken is InvalidDataException or IOException && Request.HasFormContentType)
        {
            return Refusal.BadRequest(RequestBodies.NotAForm);
        }
    }

    /// <summary>
    /// Every contact as a vCard 3.0 (the default, what iOS and Android read) or 4.0 file, written as the
    /// store reads them, so a book of any size is never held whole: a page of contacts, one photo at a time.
    /// </summary>
    [HttpGet("export")]
    [EndpointName("exportContacts")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, Vcard)]
    public async Task Export([FromQuery] VcardParameters parameters)
    {
        SetVcardHeaders("contacts.vcf");
        var cards = contacts.StreamOwnedAsync(Owner, Aborted).Select(async (Contact contact, CancellationToken ct) =>
            ContactCards.ToCard(contact, contact.HasPhoto ? await contacts.FindPhotoAsync(contact.Owner, contact.Id, ct) : null));
        await VcardWriter.WriteAsync(Response.Body, cards, parameters.ToVersion(), Aborted);
    }

    /// <summary>One contact as a vCard.</summary>
    [HttpGet("{id}/vcard")]
    [EndpointName("getContactCard")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, Vcard)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Card([ObjectId] string id, [FromQuery] VcardParameters parameters)
    {
        if (await contacts.FindAsync(Owner, id, Aborted) is not { } contact) return Refusal.NotFound;
        var photo = contact.HasPhoto ? await contacts.FindPhotoAsync(Owner, id, Aborted) : null;
        SetVcardHeaders("contact.vcf");
        return Content(VcardWriter.ToText(ContactCards.ToCard(contact, photo), parameters.ToVersion()), VcardUtf8);
    }

    /// <summary>
    /// The contact's photo, to its owner only, with its media type (and, as every API answer, <c>nosniff</c>
    /// and <c>no-store</c>: see <see cref="SecurityHeaders"/>); 404 when it has none. Never a static file: a
    /// photo is as private as the contact.
    /// </summary>
    [HttpGet("{id}/photo")]
    [EndpointName("getContactPhoto")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/gif", "image/webp", "application/octet-stream")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Photo([ObjectId] string id)
    {
        if (await contacts.FindPhotoAsync(Owner, id, Aborted) is not { } photo) return Refusal.NotFound;
        var type = photo.ServedType;
        // Bytes that are no image a browser shows are a download, never a page.
        if (!type.StartsWith("image/", StringComparison.Ordinal)) Response.Headers.ContentDisposition = "attachment; filename=\"photo\"";
        return File(photo.Data, type);
    }

    private void SetVcardHeaders(string fileName)
    {
        Response.ContentType = VcardUtf8;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }

    /// <summary>The .vcf file: the body itself, or the multipart field <c>file</c>, read as it streams in.</summary>
    private async Task<Outcome<Stream>> FileAsync()
    {
        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Request.Body;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return Refusal.BadRequest(RequestBodies.NotAForm);
        var reader = new MultipartReader(boundary, Request.Body);
        while (await reader.ReadNextSectionAsync(Aborted) is { } section)
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(VcardUploadAttribute.Field, StringComparison.Ordinal))
                return section.Body;
        return Refusal.BadRequest($"\"{VcardUploadAttribute.Field}\" is required");
    }
}

/// <summary>The vCard version to write: 3.0 (the default) or 4.0.</summary>
public sealed record VcardParameters([property: FromQuery(Name = "version")] string? Version)
{
    public VcardVersion ToVersion() => Version == "4.0" ? VcardVersion.V4 : VcardVersion.V3;
}

public sealed class VcardParametersValidator : AbstractValidator<VcardParameters>
{
    public VcardParametersValidator() => RuleFor(p => p.Version).OneOf("version", "3.0", "4.0");
}
