using System.Globalization;
using ContactsApi.Admin;
using ContactsApi.Auth;
using ContactsApi.Avatars;
using ContactsApi.Backup;
using ContactsApi.Common;
using ContactsApi.Dav;
using ContactsApi.DataMove;
using ContactsApi.Health;
using ContactsApi.History;
using ContactsApi.Security;
using ContactsApi.Storage;
using ContactsApi.WebApp;

// ICU is loaded for the collation of names (ContactCollation); whatever the host's LANG, everything else is
// formatted culture-invariantly, as it was without ICU.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

if (DataMoveCommand.IsCommand(args)) return await DataMoveCommand.RunAsync(args);
if (AdminCommand.IsCommand(args)) return await AdminCommand.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);

builder.Logging.KeepSecretsOutOfLogs();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddGracefulShutdown();
builder.Services.AddForwardedHeadersFromConfiguration();
builder.Services.AddRateLimits();
builder.Services.AddErrorHandling();
builder.Services.AddApiControllers();
builder.Services.AddApiDocumentation();
builder.Services.AddSecurityHeaders(builder.Environment);
builder.Services.AddCorsFromConfiguration(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddAuth();
builder.Services.AddAvatars();
builder.Services.AddBackup();
builder.Services.AddHistory();
builder.Services.AddDav();
builder.ConfigureServerLimits();

var app = builder.Build();

// First, so every response carries the headers, whatever answers it.
app.UseSecurityHeaders();
app.UseHeadAsGet();
app.UseForwardedHeadersFromConfiguration();
app.UseErrorHandling();
app.UseApiDocumentation();
app.UseAvatarFiles();
app.UseWebApp();
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
// After authorization: some limits are per user (contact writes, avatar uploads), known only from here.
app.UseRateLimiter();
// After authorization, so a client without a token hears 401 whatever it sends; still before any body is read.
app.UseRequestSizeLimits();
app.MapHealth();
app.MapDav();
app.MapControllers().WithSecurityHeadersPolicy(SecurityHeaders.PersonalData);

app.Run();
return 0;

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
