using ContactsApi.Common;
using ContactsApi.Users;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

/// <summary>Replaces a user's avatar with a resized upload: checks, resize, file, user, old file.</summary>
public sealed class AvatarService(
    ImageLibrary library,
    AvatarResizer resizer,
    ImagePipeline pipeline,
    AvatarFiles files,
    IUserRepository users,
    IOptions<AvatarOptions> options,
    TimeProvider time)
{
    public const string Required = "\"avatar\" is required";
    public const string Unavailable = "Avatar uploads are unavailable";

    /// <summary>Stores the upload as the user's avatar and returns its URL.</summary>
    public async Task<Outcome<string>> ReplaceAsync(string userId, IFormFile? upload, CancellationToken ct)
    {
        if (!library.IsAvailable) return new Refusal(StatusCodes.Status503ServiceUnavailable, Unavailable);
        if (upload is null) return Refusal.BadRequest(Required);
        if (upload.Length == 0) return Refusal.BadRequest(AvatarResizer.NotAnImage);
        if (upload.Length > options.Value.MaxBytes)
            return new Refusal(StatusCodes.Status413PayloadTooLarge, $"The file is too large: at most {Describe(options.Value.MaxBytes)}");

        var bytes = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);

        var (png, refused) = await pipeline.RunAsync(bytes, AvatarResizer.Size, resizer.ToPng, ct);
        if (refused is not null) return refused;
        var url = await files.SaveAsync(userId, png!, ct);
        try
        {
            // The file to delete is the one the stored user pointed at when the new URL was written: the
            // change's last run is the one written, so a concurrent upload's file is never left behind.
            var replaced = "";
            var now = time.UtcNow();
            var user = await users.UpdateOwnAsync(userId, u =>
            {
                replaced = u.AvatarUrl;
                return u with { AvatarUrl = url, UpdatedAt = now };
            }, ct);
            if (user is null)
            {
                files.DeleteUploaded(url);
                return Refusal.NotAuthorized;
            }
            files.DeleteUploaded(replaced);
            return url;
        }
        catch
        {
            files.DeleteUploaded(url);
            throw;
        }
    }

    private static string Describe(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024.0:0.#} KB";
}
