using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactsApi.Users;

[ApiController]
[Route("api/users")]
[Produces("application/json")]
[ProducesResponseType<ErrorBody>(StatusCodes.Status400BadRequest, "application/problem+json")]
public sealed class UsersController(
    IUserRepository users,
    ISessionRepository sessions,
    IPasswordHasher<User> hasher,
    TokenService tokens,
    IOptions<AccountLockoutOptions> lockout,
    UnknownUserPassword unknownUser,
    PasswordCheckLimit checks,
    TimeProvider time) : ControllerBase
{
    /// <summary>Creates an account; the email must not be in use in any letter case.</summary>
    [HttpPost("register")]
    [EndpointName("register")]
    [EnableRateLimiting(RateLimits.RegisterPolicy)]
    [ProducesResponseType<RegisterResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<IActionResult> Register(RegisterRequest request)
    {
        var user = NewUser.Create(request.Email!, request.Name, request.Password!, hasher, time.UtcNow());
        if (await users.AddOrConflictAsync(user, HttpContext.RequestAborted) is { } conflict) return conflict;
        return StatusCode(StatusCodes.Status201Created, new RegisterResponse(user.Email, user.Subscription, user.AvatarUrl));
    }

    /// <summary>
    /// Starts a session on this device and returns its token (24 h). After 5 failed logins in a row
    /// the account is locked for 5 minutes (429), even for the right password.
    /// </summary>
    [HttpPost("login")]
    [EndpointName("login")]
    [ProducesResponseType<LoginResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status429TooManyRequests, "application/problem+json",
        Description = "Too many requests from this address or user, or a locked account; see Retry-After")]
    public async Task<ActionResult<LoginResponse>> Login(LoginRequest request)
    {
        if (checks.WaitFor(RateLimits.ClientAddress(HttpContext)) is { } wait)
        {
            Response.SetRetryAfter(wait);
            return new Refusal(StatusCodes.Status429TooManyRequests, RateLimits.Message);
        }
        var ct = HttpContext.RequestAborted;
        var user = await users.FindByEmailAsync(EmailAddress.Normalize(request.Email!), ct);
        var now = time.UtcNow();
        if (user?.LockoutEnd > now)
        {
            Response.SetRetryAfter(user.LockoutEnd.Value - now);
            return new Refusal(StatusCodes.Status429TooManyRequests, AccountLockoutOptions.Message);
        }
        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? unknownUser.Hash, request.Password!);
        if (user is not null && verdict == PasswordVerificationResult.Failed)
            await users.RecordFailedLoginAsync(user.Id, lockout.Value.MaxFailedAttempts, now + lockout.Value.Duration, ct);
        if (user is null || !user.IsActive || verdict == PasswordVerificationResult.Failed)
            return WrongLogin;
        if (user.FailedLogins > 0 || user.LockoutEnd is not null) await users.ResetFailedLoginsAsync(user.Id, ct);

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, request.Password!) : null;
        if (rehashed is not null)
        {
            var verified = user.PasswordHash;
            // Applied to the stored user: the new hash replaces only the hash this login verified, never
            // a password an admin set meanwhile, and nothing else the login read is written back.
            (_, user) = await users.UpdateAsync(user.Id, u => u with
            {
                PasswordHash = u.PasswordHash == verified ? rehashed : u.PasswordHash,
                UpdatedAt = now,
            }, ct);
            // Deleted since the password was checked.
            if (user is null) return WrongLogin;
        }

        var (token, session) = tokens.Issue(user.Id);
        if (!await sessions.AddAsync(session, user.PasswordHash, ct)) return WrongLogin;
        return new LoginResponse(token, user.ToSummary());
    }

    private static readonly Refusal WrongLogin = new(StatusCodes.Status401Unauthorized, "Email or password is wrong");

    /// <summary>Ends this device's session; the token stops working everywhere.</summary>
    [Authorize]
    [HttpPost("logout")]
    [EndpointName("logout")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<IActionResult> Logout()
    {
        await sessions.RevokeAsync(User.FindFirst(TokenService.SessionClaim)!.Value, HttpContext.RequestAborted);
        return NoContent();
    }

    /// <summary>The signed-in user.</summary>
    [Authorize]
    [HttpGet("current")]
    [EndpointName("getCurrentUser")]
    [ProducesResponseType<CurrentUserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public CurrentUserResponse Current() => HttpContext.CurrentUser().ToCurrent();

    /// <summary>Changes the subscription: starter, pro or business.</summary>
    [Authorize]
    [HttpPatch]
    [EndpointName("updateSubscription")]
    [ProducesResponseType<UserSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<ActionResult<UserSummary>> UpdateSubscription(SubscriptionRequest request)
    {
        var now = time.UtcNow();
        var user = await users.UpdateOwnAsync(HttpContext.CurrentUser().Id,
            u => u with { Subscription = request.Subscription!, UpdatedAt = now }, HttpContext.RequestAborted);
        return user is null ? Refusal.NotAuthorized : user.ToSummary();
    }
}
