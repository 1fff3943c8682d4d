using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Security;
using ContactsApi.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactsApi.Contacts;

/// <summary>
/// The signed-in user's contacts. Every query names the owner, so another user's contact is 404.
/// Writes count toward the user's write rate (<see cref="RateLimits.ContactWritesPolicy"/>); reads don't.
/// </summary>
[ApiController]
[Authorize]
[Route("api/contacts")]
[Produces("application/json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
public sealed class ContactsController(IContactRepository contacts, TimeProvider time) : ControllerBase
{
    private string Owner => HttpContext.CurrentUser().Id;
    private CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>A page of contacts, sorted and filtered.</summary>
    [HttpGet]
    [EndpointName("listContacts")]
    [ProducesResponseType<ContactPageResponse>(StatusCodes.Status200OK)]
    public async Task<ContactPageResponse> List([FromQuery] ContactListParameters parameters)
    {
        var query = parameters.ToQuery();
        var (page, total) = await contacts.ListAsync(Owner, query, Aborted);
        var owner = HttpContext.CurrentUser().ToSummary();
        return new ContactPageResponse(query.Page, query.Limit, total, page.Select(c => c.ToResponse(owner)).ToArray());
    }

    /// <summary>One contact, with its <c>ETag</c>; 304 when <c>If-None-Match</c> names it.</summary>
    [HttpGet("{id}")]
    [EndpointName("getContact")]
    [ProducesResponseType<ContactResponse<UserSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ContactResponse<UserSummary>>> Get([ObjectId] string id)
    {
        // The tag the store keeps with the contact: a read hashes nothing.
        if (await contacts.FindTaggedAsync(Owner, id, Aborted) is not { } found) return Refusal.NotFound;
        Response.Headers.ETag = found.ETag;
        return ContactPreconditions.NotModified(Request, found.ETag)
            ? StatusCode(StatusCodes.Status304NotModified)
            : found.Contact.ToResponse(HttpContext.CurrentUser().ToSummary());
    }

    /// <summary>Adds a contact; a user has at most <c>Limits:ContactsPerUser</c> (403 past it).</summary>
    [HttpPost]
    [EndpointName("createContact")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<ContactResponse<string>>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task<IActionResult> Create(CreateContactRequest request)
    {
        var now = time.UtcNow();
        var emails = ContactChanges.NewEmails(request.Email, request.Emails);
        var contact = new Contact
        {
            Id = ObjectIds.New(),
            Owner = Owner,
            Name = request.Name!.Trim(),
            Email = emails[0].Address,
            Emails = emails,
            Phones = ContactChanges.NewPhones(request.Phone, request.Phones),
            Favorite = request.Favorite ?? false,
            Organization = ContactChanges.Stored(request.Organization),
            Title = ContactChanges.Stored(request.Title),
            Birthday = ContactChanges.Stored(request.Birthday),
            Notes = ContactChanges.Stored(request.Notes),
            Addresses = ContactChanges.NewAddresses(request.Addresses),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (await contacts.AddAsync(contact, Aborted) is { } full) return full;
        return Created($"/api/contacts/{contact.Id}", Response.Tagged(contact).ToResponse());
    }

    /// <summary>Changes any non-empty subset of the fields.</summary>
    [HttpPut("{id}")]
    [EndpointName("updateContact")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<ContactResponse<string>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public Task<ActionResult<ContactResponse<string>>> Update([ObjectId] string id, UpdateContactRequest request) =>
        Edit(id, ContactEdit.SetFields.From(request, time.UtcNow()));

    /// <summary>Moves a contact to the trash (see the trash's endpoints).</summary>
    [HttpDelete("{id}")]
    [EndpointName("deleteContact")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<string>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public async Task<ActionResult<string>> Delete([ObjectId] string id) =>
        await contacts.DeleteAsync(Owner, id, time.UtcNow(), ContactPreconditions.IfMatch(Request), Aborted) is { } refused
            ? refused
            : $"Contact by 'Id' - '{id}' deleted";

    /// <summary>Marks a contact as a favorite or not.</summary>
    [HttpPatch("{id}/favorite")]
    [EndpointName("setFavorite")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<ContactResponse<string>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public Task<ActionResult<ContactResponse<string>>> SetFavorite([ObjectId] string id, FavoriteRequest request) =>
        Edit(id, new ContactEdit.SetFields(time.UtcNow()) { Favorite = request.Favorite!.Value });

    /// <summary>Adds a labelled number (at most 20 a contact).</summary>
    [HttpPost("{id}/phones")]
    [EndpointName("addPhone")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<ContactResponse<string>>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public async Task<IActionResult> AddPhone([ObjectId] string id, PhoneRequest request)
    {
        var phone = new Phone(ObjectIds.New(), request.Number!.Trim(), request.Label!.Trim());
        var (contact, refusal) = await EditAsync(id, new ContactEdit.AddPhone(phone, time.UtcNow()));
        return refusal is null ? Created($"/api/contacts/{id}", Response.Tagged(contact!).ToResponse()) : refusal;
    }

    /// <summary>Changes a number, its label, or both.</summary>
    [HttpPut("{id}/phones/{phoneId}")]
    [EndpointName("updatePhone")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<ContactResponse<string>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public Task<ActionResult<ContactResponse<string>>> EditPhone([ObjectId] string id, [ObjectId("phoneId")] string phoneId,
        UpdatePhoneRequest request) =>
        Edit(id, new ContactEdit.EditPhone(phoneId, request.Number?.Trim(), request.Label?.Trim(), time.UtcNow()));

    /// <summary>Removes a number; the last one can't go.</summary>
    [HttpDelete("{id}/phones/{phoneId}")]
    [EndpointName("removePhone")]
    [EnableRateLimiting(RateLimits.ContactWritesPolicy)]
    [ProducesResponseType<ContactResponse<string>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public Task<ActionResult<ContactResponse<string>>> RemovePhone([ObjectId] string id, [ObjectId("phoneId")] string phoneId) =>
        Edit(id, new ContactEdit.RemovePhone(phoneId, time.UtcNow()));

    private async Task<ActionResult<ContactResponse<string>>> Edit(string id, ContactEdit edit)
    {
        var (contact, refusal) = await EditAsync(id, edit);
        return refusal is null ? Response.Tagged(contact!).ToResponse() : refusal;
    }

    /// <summary>
    /// The edit, as one server-side update where the store can; under an <c>If-Match</c>, as a read-change-write
    /// whose change first compares the stored contact's tag, in the same atomic step.
    /// </summary>
    private Task<Outcome<Contact>> EditAsync(string id, ContactEdit edit) =>
        ContactPreconditions.IfMatch(Request) is { } check
            ? contacts.UpdateAsync(Owner, id, ContactPreconditions.Guarded(check, edit.ApplyTo), Aborted)
            : contacts.EditAsync(Owner, id, edit, Aborted);
}
