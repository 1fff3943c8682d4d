using ContactsApi.Auth;
using ContactsApi.Security;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

/// <summary>
/// Uploads per user and window (<see cref="AvatarOptions.UploadRate"/>), so one account can't keep
/// the decode budget and the upload slots to itself; more → 429 with <c>Retry-After</c>.
/// Keyed by the user, so it must run after authentication (Program.cs places the rate limiter there).
/// </summary>
internal sealed class AvatarUploadLimit(IOptions<AvatarOptions> options, TimeProvider time)
    : RateLimits.ClientLimit(options.Value.UploadRate, time)
{
    public const string Policy = "avatar-uploads";

    // The endpoint is behind [Authorize], and authorization has run: there is always a user.
    protected override string ClientOf(HttpContext http) => http.CurrentUser().Id;
}
