using Microsoft.Extensions.FileProviders;

namespace ContactsApi.Avatars;

public static class PublicFiles
{
    /// <summary>Serves the public folder (avatars) as static files, never sniffed as another type.</summary>
    public static WebApplication UsePublicFiles(this WebApplication app)
    {
        var folder = Path.GetFullPath(app.Configuration[$"{AvatarOptions.Section}:PublicFolder"] ?? new AvatarOptions().PublicFolder);
        Directory.CreateDirectory(Path.Combine(folder, "avatars"));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context => context.Context.Response.Headers.XContentTypeOptions = "nosniff",
        });
        return app;
    }
}
