using System.Security.Claims;
using ContactsApi.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContactsApi.Auth;

/// <summary>Issues the bearer tokens that <see cref="BearerOptionsSetup"/> validates: HS256, issuer, audience, lifetime.</summary>
public sealed class TokenService
{
    public const string SessionClaim = "sid";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private readonly JwtOptions _options;
    private readonly SigningKeyProvider _keys;
    private readonly TimeProvider _time;

    public TokenService(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider time)
    {
        _options = options.Value;
        _keys = keys;
        _time = time;
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

    /// <summary>The request's user as checked against the store: the role is the stored one, not a claim of the token.</summary>
    public static ClaimsPrincipal Principal(Users.User user, string sessionId, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(JwtRegisteredClaimNames.Sub, user.Id),
            new Claim(SessionClaim, sessionId),
            new Claim(ClaimTypes.Role, user.IsAdmin ? "admin" : "user"),
        ], scheme, JwtRegisteredClaimNames.Sub, ClaimTypes.Role));
}
