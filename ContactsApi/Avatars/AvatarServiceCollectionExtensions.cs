using ContactsApi.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

public static class AvatarServiceCollectionExtensions
{
    public static IServiceCollection AddAvatars(this IServiceCollection services)
    {
        services.AddOptions<AvatarOptions>().BindConfiguration(AvatarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<AvatarOptions>, AvatarPaths>();
        services.AddSingleton<ImageLibrary>();
        // Set up as the service starts, so a failure is logged then, not at the first upload.
        services.BuildAtStart<ImageLibrary>();
        services.AddSingleton<AvatarResizer>();
        services.AddSingleton<DecodeMemory>();
        services.AddSingleton<ImagePipeline>();
        services.AddSingleton<UploadSlots>();
        services.AddSingleton<AvatarFiles>();
        services.AddSingleton<AvatarService>();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy<string, AvatarUploadLimit>(AvatarUploadLimit.Policy));
        // A request that is not multipart has no file: 400 "avatar" is required, not a 415 about JSON.
        services.Configure<ApiBehaviorOptions>(options => options.SuppressConsumesConstraintForFormFileParameters = true);
        return services;
    }
}
