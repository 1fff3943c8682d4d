using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ContactsApi.Auth;

/// <summary>
/// What a token must be to pass: HS256 with the service's key, its issuer and audience, an expiry,
/// and a lifetime read from the service's clock (so tests that move the clock move it here too).
/// The session behind it is checked afterwards, by <see cref="BearerSessionEvents"/>.
/// </summary>
internal sealed class BearerOptionsSetup(IOptions<JwtOptions> jwt, SigningKeyProvider keys, TimeProvider time)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme) return;
        // The token's own claim names ("sub", "sid"), not their long WS-Federation URIs.
        options.MapInboundClaims = false;
        options.EventsType = typeof(BearerSessionEvents);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Value.Issuer,
            ValidAudience = jwt.Value.Audience,
            IssuerSigningKey = keys.Key,
            // Pinned: a token naming "none" or any other algorithm is refused before its signature is read.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // The library reads the system clock; this reads the service's, as login and the session check do.
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is not null && expires.Value + p.ClockSkew > now &&
                       (notBefore is null || notBefore.Value - p.ClockSkew <= now);
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
