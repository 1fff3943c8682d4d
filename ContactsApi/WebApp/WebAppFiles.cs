using Microsoft.AspNetCore.StaticFiles;

namespace ContactsApi.WebApp;

/// <summary>
/// Serves the browser app in <c>wwwroot/</c> at <c>/</c>: <c>index.html</c>, its JavaScript modules and
/// its CSS. Plain files, no build step. <c>/avatars/</c> is left to <see cref="Avatars.AvatarStaticFiles"/>
/// (PNG only), so nothing here can serve an HTML or script file from that folder.
/// </summary>
public static class WebAppFiles
{
    private static readonly FileExtensionContentTypeProvider AppTypes = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    });

    public static WebApplication UseWebApp(this WebApplication app)
    {
        // Only "/" means index.html. (UseDefaultFiles would look for a folder on disk for every GET,
        // API calls included.)
        app.Use((http, next) =>
        {
            if (http.Request.Path == "/") http.Request.Path = "/index.html";
            return next(http);
        });
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/avatars"), branch =>
        {
            branch.UseStaticFiles(new StaticFileOptions
            {
                ContentTypeProvider = AppTypes,
                ServeUnknownFileTypes = false,
                // The files carry no content hash in their names: a browser revalidates each (ETag), so a
                // new version of the app reaches everyone at their next load. Their security headers (the
                // page's Content-Security-Policy, nosniff) are the service's: Security.SecurityHeaders.
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
            });
        });
        return app;
    }
}
