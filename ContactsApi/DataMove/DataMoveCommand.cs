using ContactsApi.Contacts;
using ContactsApi.Storage;
using ContactsApi.Users;

namespace ContactsApi.DataMove;

/// <summary>
/// <c>export --out FILE</c> and <c>import --in FILE</c>: run instead of the web host, against the
/// store the usual configuration selects (appsettings, environment, <c>--Storage:Provider=Mongo</c>),
/// so moving from SQLite to MongoDB is an export with one configuration and an import with the other.
/// </summary>
public static class DataMoveCommand
{
    public static bool IsCommand(string[] args) => args is ["export" or "import", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var export = args[0] == "export";
        var option = export ? "out" : "in";
        // The rest of the line is configuration, as for the web host: --out FILE becomes the key "out".
        await using var app = StoreHost.Build(args[1..]);
        var path = app.Configuration[option];
        if (string.IsNullOrWhiteSpace(path))
        {
            await Console.Error.WriteLineAsync($"usage: {args[0]} --{option} FILE [--Storage:Provider=Sqlite|Mongo ...]");
            return 2;
        }
        var users = app.Services.GetRequiredService<IUserRepository>();
        var contacts = app.Services.GetRequiredService<IContactRepository>();
        try
        {
            if (export) await new DataExport(users, contacts, Console.Error).ExportAsync(path);
            else await new DataImport(users, contacts, Console.Error).ImportAsync(path);
            return 0;
        }
        catch (Exception e) when (e is DataMoveException or TimeoutException)
        {
            // A timeout here is a store that can't be reached; its message says which.
            await Console.Error.WriteLineAsync($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }
}
