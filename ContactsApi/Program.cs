using ContactsApi.Admin;
using ContactsApi.Auth;
using ContactsApi.Avatars;
using ContactsApi.Common;
using ContactsApi.DataMove;
using ContactsApi.Health;
using ContactsApi.Storage;

if (DataMoveCommand.IsCommand(args)) return await DataMoveCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHostedService<StoreAtStart>();
builder.Services.AddErrorHandling();
builder.Services.AddApiControllers();
builder.Services.AddApiDocumentation();
builder.Services.AddCorsFromConfiguration(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddAuth();
builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
builder.Services.AddAvatars();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestSizeLimits.DefaultMaxBytes);

var app = builder.Build();

app.UseErrorHandling();
app.UseApiDocumentation();
app.UsePublicFiles();
app.UseRouting();
app.UseRequestSizeLimits();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapControllers();

app.Run();
return 0;

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
