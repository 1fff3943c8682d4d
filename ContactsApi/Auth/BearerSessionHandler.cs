using System.Text.Encodings.Web;
using ContactsApi.Common;
using ContactsApi.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ContactsApi.Auth;

/// <summary>
/// Bearer authentication: a valid token is not enough, its session must still be live in the store,
/// so logout on one instance is seen by every instance sharing the store. The user read here is kept
/// for the request, so endpoints need not read it again.
/// </summary>
public sealed class BearerSessionHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    ISessionRepository sessions,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Only endpoints that require a user read the session: anonymous ones (health, register, login)
        // never touch the store for a token they don't need, so health reports the store, not the token check.
        if (Context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null) return AuthenticateResult.NoResult();

        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var claims = await tokens.ValidateAsync(header["Bearer ".Length..].Trim());
        if (claims is not { } ids) return AuthenticateResult.Fail("Invalid token");

        var user = await sessions.FindLiveUserAsync(ids.SessionId, ids.UserId, time.UtcNow(), Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("Session ended");

        Context.Items[typeof(User)] = user;
        return AuthenticateResult.Success(new AuthenticationTicket(TokenService.Principal(user, ids.SessionId, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Not authorized");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden");

    private Task WriteProblemAsync(int status, string message)
    {
        if (status == StatusCodes.Status401Unauthorized) Response.Headers.WWWAuthenticate = SchemeName;
        return ErrorHandling.WriteProblemAsync(Context, status, message);
    }
}
