using ContactsApi.Common;
using ContactsApi.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContactsApi.Auth;

public static class AuthServiceCollectionExtensions
{
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccountLockoutOptions>().BindConfiguration(AccountLockoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PasswordOptions>().BindConfiguration(PasswordOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<PasswordOptions>>(
            (hasher, passwords) => hasher.IterationCount = passwords.Value.Iterations);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<SigningKeyProvider>();
        // A key too short stops the start with a message naming the setting, and a made key is logged at once.
        services.BuildAtStart<SigningKeyProvider>();
        services.AddSingleton<UnknownUserPassword>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<BearerSessionEvents>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, BearerOptionsSetup>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole("admin"));
        return services;
    }

    /// <summary>The user the bearer session check read for this request.</summary>
    public static User CurrentUser(this HttpContext http) =>
        http.Items[typeof(User)] as User ?? throw new InvalidOperationException("The endpoint is not behind [Authorize].");
}
