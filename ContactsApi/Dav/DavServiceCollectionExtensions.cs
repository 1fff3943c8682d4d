using ContactsApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.Dav;

/// <summary>The CardDAV server under <c>/dav/</c> (RFC 6352), over the same contacts as the REST API.</summary>
public static class DavServiceCollectionExtensions
{
    private static readonly string[] Methods = ["OPTIONS", "GET", "PUT", "DELETE", "PROPFIND", "PROPPATCH", "REPORT"];

    public static IServiceCollection AddDav(this IServiceCollection services)
    {
        services.AddSingleton<DavSignIn>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DavBasicAuthentication>(
            DavBasicAuthentication.SchemeName, null);
        services.AddSingleton<AddressBook>();
        services.AddSingleton<DavCards>();
        services.AddSingleton<DavReports>();
        services.AddSingleton<DavSync>();
        services.AddSingleton<DavHandler>();
        return services;
    }

    public static WebApplication MapDav(this WebApplication app)
    {
        // Discovery (RFC 6764): a client given only the host name finds the server here.
        app.MapMethods("/.well-known/carddav", ["GET", "PROPFIND", "OPTIONS"], () => Results.Redirect(DavPaths.Root, permanent: true))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/dav/{**path}", Methods, (HttpContext http, string? path, DavHandler dav) => dav.HandleAsync(http, path))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = DavBasicAuthentication.SchemeName })
            .WithMetadata(new RequestSizeLimitAttribute(DavHandler.MaxReportBodyBytes))
            .ExcludeFromDescription()
            .WithSecurityHeadersPolicy(SecurityHeaders.PersonalData);
        return app;
    }
}
