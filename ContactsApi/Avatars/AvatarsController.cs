using ContactsApi.Auth;
using ContactsApi.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactsApi.Avatars;

[ApiController]
[Authorize]
[Route("api/users/avatars")]
[Produces("application/json")]
public sealed class AvatarsController(AvatarService avatars) : ControllerBase
{
    /// <summary>
    /// Replaces the avatar with an uploaded image (PNG, JPEG, WebP or GIF, at most 5 MB, as the
    /// multipart field <c>avatar</c>), centre-cropped to 250×250 and served at the returned URL.
    /// </summary>
    [HttpPatch]
    [EndpointName("updateAvatar")]
    [RequestSizeLimit(AvatarOptions.MaxRequestBytes)]
    [EnableRateLimiting(AvatarUploadLimit.Policy)]
    [UploadSlot]
    [ProducesResponseType<AvatarResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ErrorBody>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<ActionResult<AvatarResponse>> Update(IFormFile? avatar)
    {
        var (url, refusal) = await avatars.ReplaceAsync(HttpContext.CurrentUser().Id, avatar, HttpContext.RequestAborted);
        return refusal is null ? new AvatarResponse(url!) : refusal;
    }
}
