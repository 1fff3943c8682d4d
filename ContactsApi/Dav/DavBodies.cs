using ContactsApi.Common;

namespace ContactsApi.Dav;

/// <summary>Request bodies read whole up to a bound of their own, whatever length they declare or stream.</summary>
public static class DavBodies
{
    /// <summary>The body's bytes, or 413 past <paramref name="maxBytes"/> (400 for a body cut short).</summary>
    public static async Task<Outcome<byte[]>> ReadAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBytes) return TooLarge(maxBytes);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException unread)
        {
            return RequestSizeLimits.Unread(unread, request.HttpContext);
        }
        return buffer.ToArray();
    }

    private static Refusal TooLarge(long maxBytes) => new(StatusCodes.Status413PayloadTooLarge, RequestSizeLimits.TooLarge(maxBytes));
}
