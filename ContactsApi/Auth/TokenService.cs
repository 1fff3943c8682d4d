using System.Security.Claims;
using ContactsApi.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContactsApi.Auth;

/// <summary>Issues and validates the bearer tokens: HS256 only, issuer, audience and lifetime pinned.</summary>
public sealed class TokenService(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider time)
{
    public const string SessionClaim = "sid";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private readonly JwtOptions _options = options.Value;

    public (string Token, Session Session) Issue(string userId)
    {
        var now = time.UtcNow();
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
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, session);
    }

    /// <summary>The user and session ids of a valid token, or null for anything else.</summary>
    public async Task<(string UserId, string SessionId)?> ValidateAsync(string token)
    {
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
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
        });
        if (!result.IsValid) return null;
        return result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub) && sub is string userId &&
               result.Claims.TryGetValue(SessionClaim, out var sid) && sid is string sessionId &&
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
