using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.Avatars;

public static class AvatarServiceCollectionExtensions
{
    public static IServiceCollection AddAvatars(this IServiceCollection services)
    {
        services.AddOptions<AvatarOptions>().BindConfiguration(AvatarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VipsLibrary>();
        services.AddHostedService(sp => sp.GetRequiredService<VipsLibrary>());
        services.AddSingleton<AvatarResizer>();
        services.AddSingleton<AvatarFiles>();
        services.AddSingleton<AvatarService>();
        // A request that is not multipart has no file: 400 "avatar" is required, not a 415 about JSON.
        services.Configure<ApiBehaviorOptions>(options => options.SuppressConsumesConstraintForFormFileParameters = true);
        return services;
    }
}
