using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace ContactsApi.Security;

/// <summary>
/// The headers a careful API sends, by NetEscapades.AspNetCore.SecurityHeaders, set as each response
/// starts (so errors, 404s and static files carry them too):
/// <list type="bullet">
/// <item>every response: <c>X-Content-Type-Options: nosniff</c>; HSTS over HTTPS outside Development; no <c>Server</c>
/// (Kestrel's own is switched off by <see cref="ServerLimits"/>);</item>
/// <item>every answer of an API endpoint (the controllers: accounts, tokens, contacts, admin), whatever its
/// status: <c>Cache-Control: no-store</c>, since each carries a token or a person's data, or echoes what the
/// request said. The health check, the avatar files (public by their unguessable names, renamed on each
/// upload), Swagger and the framework's 404 for an unknown path carry no one's data, and stay cacheable;</item>
/// <item>an HTML page: a Content-Security-Policy that allows what the page loads and nothing else, and no framing.</item>
/// </list>
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The named policy of the API endpoints.</summary>
    public const string PersonalData = "personal-data";

    private const string SwaggerUiPage = "swagger-ui";

    /// <summary>
    /// SHA-256 of the <c>&lt;style&gt;</c> in Swagger UI's logo (".logo_small_svg__cls-2{fill:#fff}…"). A
    /// Swagger UI whose logo changes needs the new hash: ServedServiceTests then fails with the browser's
    /// refusal, which names it.
    /// </summary>
    private const string SwaggerUiLogoStyle = "RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";
    private const string WebAppPage = "web-app";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IHostEnvironment environment)
    {
        HeaderPolicyCollection Everywhere(HeaderPolicyCollection policy)
        {
            policy.AddContentTypeOptionsNoSniff().RemoveServerHeader();
            if (!environment.IsDevelopment()) policy.AddStrictTransportSecurityMaxAge();
            return policy;
        }

        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(policy => Everywhere(policy))
            .AddPolicy(PersonalData, policy => Everywhere(policy).AddCustomHeader("Cache-Control", "no-store"))
            // Swagger UI: its scripts and styles from the service; the one <style> it writes (the colours of
            // its logo, by its hash); its icons, data: URIs in its CSS.
            .AddPolicy(SwaggerUiPage, policy => Everywhere(policy).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddStyleSrc().Self().WithHash256(SwaggerUiLogoStyle);
                csp.AddImgSrc().Self().Data();
                csp.AddFrameAncestors().None();
            }))
            // The web app (wwwroot, WebApp/): what it is written for: no inline script or style, no eval,
            // the API on the same origin, avatar previews from blob: URLs.
            .AddPolicy(WebAppPage, policy => Everywhere(policy).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddImgSrc().Self().Blob().Data();
                csp.AddFrameAncestors().None();
            }))
            // Chosen as the response starts, when its type is known: a policy for pages only applies to pages.
            .SetPolicySelector(context =>
                context.HttpContext.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true
                    ? context.SelectedPolicy
                    : context.ConfiguredPolicies[context.HttpContext.Request.Path.StartsWithSegments("/swagger") ? SwaggerUiPage : WebAppPage]);
        return services;
    }
}
