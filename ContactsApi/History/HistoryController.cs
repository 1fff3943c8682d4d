using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Security;
using ContactsApi.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactsApi.History;

/// <summary>
/// Nothing lost by mistake: the signed-in user's trash, each contact's versions, an undo of the whole
/// book to a moment, and the sync feed of changes. Every read and write names the owner, as in
/// <see cref="ContactsController"/>.
/// </summary>
[ApiController]
[Authorize]
[Route("api/contacts")]
[Tags("Contacts")]
[Produces("application/json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
public sealed class HistoryController(IContactHistory history, SyncTokens tokens, IOptions<HistoryOptions> options, TimeProvider time)
    : ControllerBase
{
    private string Owner => HttpContext.CurrentUser().Id;
    private UserSummary OwnerSummary => HttpContext.CurrentUser().ToSummary();
    private CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The trash, most recently deleted first; kept for <c>History:Retention</c> (30 days by default).</summary>
    [HttpGet("trash")]
    [EndpointName("listTrash")]
    [ProducesResponseType<TrashPageResponse>(StatusCodes.Status200OK)]
    public async Task<TrashPageResponse> ListTrash([FromQuery] TrashListParameters parameters)
    {
        var (page, limit) = parameters.ToPaging();
        var (trashed, total) = await history.ListTrashAsync(Owner, (page - 1) * limit, limit, Aborted);
        var owner = OwnerSummary;
        return new TrashPageResponse(page, limit, total,
            trashed.Select(t => new TrashedContactResponse(t.Contact.ToResponse(owner), t.DeletedAt)).ToArray());
    }

    /// <summary>Brings a contact back from the trash into the list, with its id and every field as they were.</summary>
    [HttpPost("trash/{id}/restore")]
    [EndpointName("restoreContact")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<ContactResponse<string>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ContactResponse<string>>> Restore([ObjectId] string id)
    {
        var (contact, refusal) = await history.RestoreAsync(Owner, id, time.UtcNow(), Aborted);
        return refusal ?? (ActionResult<ContactResponse<string>>)Response.Tagged(contact!).ToResponse();
    }

    /// <summary>Deletes a contact in the trash for good.</summary>
    [HttpDelete("trash/{id}")]
    [EndpointName("purgeContact")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Purge([ObjectId] string id) =>
        await history.PurgeAsync(Owner, id, Aborted) ? NoContent() : Refusal.NotFound;

    /// <summary>Empties the trash: every contact in it is deleted for good.</summary>
    [HttpDelete("trash")]
    [EndpointName("emptyTrash")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> EmptyTrash()
    {
        await history.PurgeAsync(Owner, null, Aborted);
        return NoContent();
    }

    /// <summary>A contact's versions, newest first: the one it has now (unless it is in the trash), then those it had in the retention.</summary>
    [HttpGet("{id}/history")]
    [EndpointName("contactHistory")]
    [ProducesResponseType<ContactHistoryResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ContactHistoryResponse>> Versions([ObjectId] string id)
    {
        if (await history.VersionsAsync(Owner, id, Aborted) is not { } versions) return Refusal.NotFound;
        var owner = OwnerSummary;
        return new ContactHistoryResponse(versions.Select(v => new ContactVersionResponse(v.Version, v.At, v.Contact.ToResponse(owner))).ToArray());
    }

    /// <summary>
    /// Puts the whole address book back as it was at <c>to</c>, in one transaction: contacts created since go to the trash,
    /// those deleted since come back, those changed since take that moment's version. It can itself be undone.
    /// </summary>
    [HttpPost("undo")]
    [EndpointName("undoContacts")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<UndoResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<UndoResponse>> Undo(UndoRequest request)
    {
        var (now, to) = (time.UtcNow(), request.ToMoment());
        if (to > now) return Refusal.BadRequest("\"to\" must not be in the future");
        if (to < options.Value.OldestKept(now)) return Refusal.BadRequest($"\"to\" must be within the last {options.Value.RetentionText}");
        var counts = await history.UndoAsync(Owner, to, now, Aborted);
        return new UndoResponse(counts.Reverted, counts.Restored, counts.Trashed);
    }

    /// <summary>
    /// The changes since a sync token: contacts created or changed, ids of those deleted. Without <c>since</c>, every
    /// contact. Follow <c>next</c> while <c>more</c> is true; keep the last <c>next</c> for the next sync.
    /// </summary>
    [HttpGet("changes")]
    [EndpointName("contactChanges")]
    [ProducesResponseType<ChangesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status410Gone, "application/problem+json")]
    public async Task<ActionResult<ChangesResponse>> Changes([FromQuery] ChangesParameters parameters)
    {
        var owner = Owner;
        var since = 0L;
        if (parameters.Since is { } token)
        {
            var (position, refusal) = tokens.Read(owner, token);
            if (refusal is not null) return refusal;
            since = position;
        }
        var page = await history.ChangesAsync(owner, since, parameters.ToLimit(), Aborted);
        var summary = OwnerSummary;
        return new ChangesResponse(page.Changed.Select(c => c.ToResponse(summary)).ToArray(), page.Deleted, tokens.Issue(owner, page.Last), page.More);
    }
}
