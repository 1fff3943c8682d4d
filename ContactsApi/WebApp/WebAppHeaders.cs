namespace ContactsApi.WebApp;

/// <summary>
/// The security headers of the app's files, in one place for the service-wide security headers to
/// absorb. The policy is what the app is written for: no inline script or style, no eval, the API on
/// the same origin, avatar previews from <c>blob:</c>, and no framing (clickjacking).
/// </summary>
public static class WebAppHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' blob: data:; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }
}
