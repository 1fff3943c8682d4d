using ContactsApi.Auth;
using ContactsApi.Avatars;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.Admin;

/// <summary>
/// The backUpforce Plus user endpoints, for admins only (**Deviation**: the spec leaves them open,
/// but they expose every user's data). Admins are made by <see cref="AdminCommand"/> on the server or by
/// another admin; there is no default one.
/// </summary>
[ApiController]
[Authorize(Policy = AuthServiceCollectionExtensions.AdminPolicy)]
[Route("users")]
[Tags("Admin")]
[Produces("application/json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status403Forbidden, "application/problem+json")]
public sealed class AdminUsersController(
    IUserRepository users,
    IContactRepository contacts,
    ISessionRepository sessions,
    IPasswordHasher<User> hasher,
    AvatarFiles avatars,
    TimeProvider time) : ControllerBase
{
    private CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>
    /// A page of users (limit 1–100, default 20; page from 1), oldest first; with <c>include=contacts</c>
    /// each carries all their contacts with all their numbers (the Dutch spec's "all users").
    /// </summary>
    [HttpGet]
    [EndpointName("listUsers")]
    [ProducesResponseType<AdminUserListEnvelope>(StatusCodes.Status200OK)]
    public async Task<AdminUserListEnvelope> List([FromQuery] UserListParameters parameters)
    {
        var query = parameters.ToQuery();
        var (page, _) = await users.ListAsync(query.Skip, query.Limit, Aborted);
        if (!query.WithContacts) return new AdminUserListEnvelope(true, page.Select(u => u.ToAdminResponse()).ToArray());
        // One read of the contacts of the whole page, never one a user, written out as it is read.
        var contactsOf = ContactsOf(page.Select(u => u.Id).ToArray());
        return new AdminUserListEnvelope(true, page.Select(u => u.ToAdminResponse(contactsOf.Of(u.Id))).ToArray());
    }

    /// <summary>One user; with <c>include=contacts</c> all their contacts with all their numbers.</summary>
    /// <param name="id">The user's ObjectId.</param>
    [HttpGet("{id}")]
    [EndpointName("getUser")]
    [ProducesResponseType<AdminUserEnvelope>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<AdminUserEnvelope>> Get([ObjectId] string id, [FromQuery] UserParameters parameters)
    {
        if (await users.FindByIdAsync(id, Aborted) is not { } user) return Refusal.NotFound;
        return new AdminUserEnvelope(true, user.ToAdminResponse(parameters.WithContacts() ? ContactsOf([id]).Of(id) : null));
    }

    /// <summary>The owners' contacts, read as the response is written, and let go once it is.</summary>
    private ContactsByOwner ContactsOf(IReadOnlyList<string> owners)
    {
        var byOwner = new ContactsByOwner(contacts.StreamByOwnersAsync(owners, Aborted));
        HttpContext.Response.RegisterForDisposeAsync(byOwner);
        return byOwner;
    }

    /// <summary>Creates a user with the rules of registration; the name is required here.</summary>
    [HttpPost]
    [EndpointName("createUser")]
    [ProducesResponseType<AdminUserEnvelope>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<IActionResult> Create(CreateUserRequest request)
    {
        var user = NewUser.Create(request.Email!, request.Name, request.Password!, hasher, time.UtcNow());
        if (await users.AddOrConflictAsync(user, Aborted) is { } conflict) return conflict;
        return Created($"/users/{user.Id}", new AdminUserEnvelope(true, user.ToAdminResponse()));
    }

    /// <summary>
    /// Changes any non-empty subset of name, email, password, subscription, is_active and is_admin.
    /// A new password or <c>is_active: false</c> ends all the user's sessions at once. An admin can't
    /// take away their own admin right or deactivate themselves, so the last admin is never lost by accident.
    /// </summary>
    /// <param name="id">The user's ObjectId.</param>
    [HttpPut("{id}")]
    [EndpointName("updateUser")]
    [ProducesResponseType<AdminUserEnvelope>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<AdminUserEnvelope>> Update([ObjectId] string id, UpdateUserRequest request)
    {
        if (id == HttpContext.CurrentUser().Id)
        {
            if (request.IsAdmin == false) return Refusal.BadRequest("An admin can't remove their own admin right");
            if (request.IsActive == false) return Refusal.BadRequest("An admin can't deactivate themselves");
        }

        // Hashed before the update, not inside it: a store holds its write lock (or retries) while a change
        // runs. The user read here is only the hasher's argument; the change applies to the stored one.
        string? hash = null;
        if (request.Password is not null)
        {
            if (await users.FindByIdAsync(id, Aborted) is not { } read) return Refusal.NotFound;
            hash = hasher.HashPassword(read, request.Password);
        }
        var now = time.UtcNow();
        var (result, updated) = await users.UpdateAsync(id, current => request.ApplyTo(current, now) with
        {
            PasswordHash = hash ?? current.PasswordHash,
        }, Aborted);
        switch (result)
        {
            case UserWrite.EmailInUse: return NewUser.EmailInUse;
            case UserWrite.NotFound: return Refusal.NotFound;
        }
        // After the write, not before: a login between the two would otherwise open a session on the old password.
        if (request.EndsSessions()) await sessions.RevokeAllAsync(id, Aborted);
        return new AdminUserEnvelope(true, updated!.ToAdminResponse());
    }

    /// <summary>
    /// Deletes the user with their contacts, sessions and uploaded avatar. Safe to repeat: if a crash
    /// stopped it halfway, the next call for the same id finishes the job (and then answers 404 once
    /// the user record is gone). An admin can't delete themselves.
    /// </summary>
    /// <param name="id">The user's ObjectId.</param>
    [HttpDelete("{id}")]
    [EndpointName("deleteUser")]
    [ProducesResponseType<AdminSuccessResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<AdminSuccessResponse>> Delete([ObjectId] string id)
    {
        if (id == HttpContext.CurrentUser().Id) return Refusal.BadRequest("An admin can't delete themselves");
        var existed = await users.DeleteAsync(id, Aborted);
        // Files last, and found by name whether or not the record was still there: a crash between the
        // store and the files leaves only files, which the repeated call removes.
        avatars.DeleteAllOf(id);
        return existed ? new AdminSuccessResponse(true) : Refusal.NotFound;
    }
}
