using System.Security.Claims;
using ContactsApi.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContactsApi.Auth;

/// <summary>Issues and validates the bearer tokens: HS256 only, issuer, audience and lifetime pinned.</summary>
public sealed class TokenService
{
    public const string SessionClaim = "sid";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private readonly JwtOptions _options;
    private readonly SigningKeyProvider _keys;
    private readonly TimeProvider _time;
    // One set for every validation: built per request, it was a large object and a closure for each.
    private readonly TokenValidationParameters _validation;

    public TokenService(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider time)
    {
        _options = options.Value;
        _keys = keys;
        _time = time;
        _validation = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = keys.Key,
            // Pinned: a token naming "none" or any other algorithm is refused before its signature is read.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is not null && expires.Value + p.ClockSkew > now &&
                       (notBefore is null || notBefore.Value - p.ClockSkew <= now);
            },
        };
    }

    public (string Token, Session Session) Issue(string userId)
    {
        var now = _time.UtcNow();
        var session = new Session(ObjectIds.New(), userId, now, now + _options.Lifetime);
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = session.ExpiresAt,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId,
                [SessionClaim] = session.Id,
            },
            SigningCredentials = new SigningCredentials(_keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, session);
    }

    /// <summary>The user and session ids of a valid token, or null for anything else.</summary>
    public async Task<(string UserId, string SessionId)?> ValidateAsync(string token)
    {
        var result = await Handler.ValidateTokenAsync(token, _validation);
        // The claims straight from the token's payload: result.Claims would build a ClaimsIdentity first.
        return result is { IsValid: true, SecurityToken: JsonWebToken jwt } &&
               jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var userId) &&
               jwt.TryGetPayloadValue<string>(SessionClaim, out var sessionId) &&
               ObjectIds.IsValid(userId) && ObjectIds.IsValid(sessionId)
            ? (userId, sessionId)
            : null;
    }

    public static ClaimsPrincipal Principal(Users.User user, string sessionId, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(JwtRegisteredClaimNames.Sub, user.Id),
            new Claim(SessionClaim, sessionId),
            new Claim(ClaimTypes.Role, user.IsAdmin ? "admin" : "user"),
        ], scheme, JwtRegisteredClaimNames.Sub, ClaimTypes.Role));
}
