using ContactsApi.Common;
using ContactsApi.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ContactsApi.Auth;

/// <summary>
/// A valid token is not enough: its session must still be live in the store, so logout on one
/// instance is seen by every instance sharing the store. The user read here is kept for the request
/// (<see cref="AuthServiceCollectionExtensions.CurrentUser"/>), so endpoints need not read it again,
/// and the role comes from that read, so a right taken away counts at the next request.
/// </summary>
internal sealed class BearerSessionEvents(ISessionRepository sessions, TimeProvider time) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        // Only endpoints that require a user read the token: anonymous ones (health, register, login)
        // never touch the store for a token they don't need, so health reports the store, not the token check.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null) context.NoResult();
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken jwt ||
            !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var userId) ||
            !jwt.TryGetPayloadValue<string>(TokenService.SessionClaim, out var sessionId) ||
            !ObjectIds.IsValid(userId) || !ObjectIds.IsValid(sessionId))
        {
            context.Fail("The token does not name a user and a session");
            return;
        }

        var http = context.HttpContext;
        var user = await sessions.FindLiveUserAsync(sessionId, userId, time.UtcNow(), http.RequestAborted);
        if (user is null)
        {
            context.Fail("Session ended");
            return;
        }
        http.Items[typeof(User)] = user;
        context.Principal = TokenService.Principal(user, sessionId, context.Scheme.Name);
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        // The contract's body and a bare challenge, instead of the handler's error="invalid_token" details.
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = JwtBearerDefaults.AuthenticationScheme;
        return ErrorHandling.WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Not authorized");
    }

    public override Task Forbidden(ForbiddenContext context) =>
        ErrorHandling.WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden");
}
