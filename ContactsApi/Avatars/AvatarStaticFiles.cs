using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

public static class AvatarStaticFiles
{
    /// <summary>
    /// Serves <c>/avatars/</c>: the default avatar from <c>wwwroot/avatars/</c> first (so a file of the
    /// same name among the uploads can't replace it), then the upload folder. Only PNG, the one type
    /// the service writes, is served, as <c>image/png</c> and never sniffed (every response is nosniff:
    /// <see cref="Security.SecurityHeaders"/>): an HTML or SVG file that lands in the folder by any other
    /// way is a 404, not a page running on the service's origin.
    /// </summary>
    public static WebApplication UseAvatarFiles(this WebApplication app)
    {
        var uploads = app.Services.GetRequiredService<IOptions<AvatarOptions>>().Value.UploadFolder!;
        Storage.PrivateFiles.CreateFolder(uploads);
        app.UseStaticFiles(PngOnly(app.Environment.WebRootFileProvider, ""));
        app.UseStaticFiles(PngOnly(new PhysicalFileProvider(uploads), "/avatars"));
        return app;
    }

    private static StaticFileOptions PngOnly(IFileProvider files, string requestPath) => new()
    {
        FileProvider = files,
        RequestPath = requestPath,
        ContentTypeProvider = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [".png"] = "image/png" }),
        ServeUnknownFileTypes = false,
    };
}
