namespace ContactsApi.Storage;

/// <summary>
/// The store for the commands an operator runs on the server instead of the service (export,
/// import, admin): the one the usual configuration selects — appsettings, the environment and the
/// rest of the command line (<c>--Storage:Provider=Mongo</c>) — built as the web host builds it,
/// without starting the web server.
/// </summary>
public static class StoreHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddStorage(builder.Configuration);
        return builder.Build();
    }
}
