using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using ContactsApi.Common;
using ContactsApi.Security;
using ContactsApi.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContactsApi.Dav;

/// <summary>
/// The CardDAV endpoints' sign-in scheme: HTTP Basic with an app password (<see cref="DavSignIn"/>). A
/// refusal is a 401 with the Basic challenge, so a client asks its user for the password, or a 429 when
/// the login limits hold.
/// </summary>
public sealed class DavBasicAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DavSignIn signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DavBasic";
    public const string Realm = "ContactsApi CardDAV";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || Credentials(header.Parameter) is not var (email, password))
            return AuthenticateResult.NoResult();

        var client = RateLimits.ClientAddress(Context);
        var result = await signIn.SignInAsync(email, password, client, Context.RequestAborted);
        if (result.User is not { } user)
        {
            Context.Items[typeof(DavSignInResult)] = result;
            return AuthenticateResult.Fail(result.Refusal!.Message);
        }
        Context.Items[typeof(User)] = user;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[typeof(DavSignInResult)] is DavSignInResult { Refusal.Status: StatusCodes.Status429TooManyRequests } limited)
        {
            Response.SetRetryAfter(limited.RetryAfter ?? TimeSpan.FromMinutes(1));
            return ErrorHandling.WriteProblemAsync(Context, limited.Refusal.Status, limited.Refusal.Message);
        }
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return ErrorHandling.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized, "Not authorized");
    }

    /// <summary>The email and password of a Basic header (RFC 7617, UTF-8); null when it holds none.</summary>
    private static (string Email, string Password)? Credentials(string? parameter)
    {
        if (string.IsNullOrEmpty(parameter) || parameter.Length > 1024) return null;
        var bytes = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, bytes, out var length)) return null;
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':');
        return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
    }
}
