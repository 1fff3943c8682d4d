using System.Security.Cryptography;
using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.AppPasswords;

/// <summary>The signed-in user's app passwords: what CardDAV clients sign in with, never the account password.</summary>
[ApiController]
[Authorize]
[Route("api/users/app-passwords")]
[Tags("Users")]
[Produces("application/json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
public sealed class AppPasswordsController(IAppPasswordRepository passwords, IPasswordHasher<User> hasher, TimeProvider time) : ControllerBase
{
    /// <summary>Enough for every device a person has; a bound, so nobody fills the store with them.</summary>
    public const int MaxPerUser = 50;
    public static readonly string TooMany = $"A user can have at most {MaxPerUser} app passwords";

    /// <summary>
    /// Makes an app password for one device. The password is in this answer only: it is stored as a
    /// salted, slow hash, as the account password is.
    /// </summary>
    [HttpPost]
    [EndpointName("createAppPassword")]
    [ProducesResponseType<NewAppPasswordResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task<IActionResult> Create(AppPasswordRequest request)
    {
        var user = HttpContext.CurrentUser();
        var password = NewPassword();
        var made = new AppPassword(ObjectIds.New(), user.Id, request.Name!.Trim(), hasher.HashPassword(user, password), time.UtcNow());
        if (!await passwords.AddAsync(made, MaxPerUser, HttpContext.RequestAborted))
            return new Refusal(StatusCodes.Status403Forbidden, TooMany);
        return StatusCode(StatusCodes.Status201Created, new NewAppPasswordResponse(made.Id, made.Name, password, made.CreatedAt));
    }

    /// <summary>The user's app passwords, oldest first, without the passwords.</summary>
    [HttpGet]
    [EndpointName("listAppPasswords")]
    [ProducesResponseType<AppPasswordSummary[]>(StatusCodes.Status200OK)]
    public async Task<IEnumerable<AppPasswordSummary>> List() =>
        (await passwords.ListAsync(HttpContext.CurrentUser().Id, HttpContext.RequestAborted))
        .Select(p => new AppPasswordSummary(p.Id, p.Name, p.CreatedAt));

    /// <summary>Revokes the app password: the next request signed in with it is refused, on every instance.</summary>
    [HttpDelete("{id}")]
    [EndpointName("deleteAppPassword")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Delete([ObjectId] string id) =>
        await passwords.DeleteAsync(HttpContext.CurrentUser().Id, id, HttpContext.RequestAborted) ? NoContent() : Refusal.NotFound;

    /// <summary>
    /// Sixteen random lower-case letters in groups of four (75 bits), as Apple's app passwords are: typed
    /// on a phone's keyboard without switching layouts, and beyond guessing at the login rate limits.
    /// </summary>
    private static string NewPassword()
    {
        var letters = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 16);
        return string.Join('-', letters.Chunk(4).Select(group => new string(group)));
    }
}
