using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContactsApi.Backup;

public static class BackupServiceCollectionExtensions
{
    public static IServiceCollection AddBackup(this IServiceCollection services)
    {
        services.AddSingleton<VcardImport>();
        services.Configure<SwaggerGenOptions>(options => options.OperationFilter<VcardUploadAttribute.Documentation>());
        return services;
    }
}
