using System.Text;
using ContactsApi.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContactsApi.Tests.Auth;

/// <summary>
/// Tokens an attacker or a stale client could present, built with the same library the service
/// uses. Each starts from a real token's user and session ids, so the one thing a test changes is
/// the only thing wrong with it.
/// </summary>
public static class ForgedTokens
{
    public static readonly byte[] ServiceKeyBytes = Encoding.UTF8.GetBytes(ContactsApiFactory.SigningKey);
    public static readonly SymmetricSecurityKey ServiceKey = new(ServiceKeyBytes);

    // Every time is set by hand here, so a token without an expiry stays without one.
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A token like the service's own (HS256, its key, issuer, audience, one hour left), changed by <paramref name="change"/>.</summary>
    public static string Forge(string userId, string sessionId, Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "ContactsApi",
            Audience = "ContactsApi",
            IssuedAt = now.AddMinutes(-5),
            NotBefore = now.AddMinutes(-5),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["sid"] = sessionId },
            SigningCredentials = new SigningCredentials(ServiceKey, SecurityAlgorithms.HmacSha256),
        };
        change?.Invoke(descriptor);
        return Handler.CreateToken(descriptor);
    }

    /// <summary>The user and session ids a real token carries.</summary>
    public static (string UserId, string SessionId) IdsOf(string token)
    {
        var jwt = new JsonWebToken(token);
        return (jwt.Subject, jwt.GetClaim("sid").Value);
    }

    /// <summary>
    /// The token's payload under a header naming <paramref name="algorithm"/>, signed by hand: the
    /// library refuses HS384/HS512 with a key shorter than the hash, an attacker does not.
    /// </summary>
    public static string Resign(string token, string algorithm, Func<byte[], byte[]> sign)
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"{{algorithm}}","typ":"JWT"}""");
        var signed = header + "." + token.Split('.')[1];
        return signed + "." + Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signed)));
    }
}
