using System.Text.Json.Serialization;

namespace ContactsApi.Users;

public sealed record RegisterResponse(string Email, string Subscription, [property: JsonPropertyName("avatarURL")] string AvatarUrl);

public sealed record LoginResponse(string Token, UserSummary User);

public sealed record UserSummary(string Email, string Subscription);

public sealed record CurrentUserResponse(string Email, string Subscription, [property: JsonPropertyName("avatarURL")] string AvatarUrl);

public static class UserMapping
{
    public static UserSummary ToSummary(this User user) => new(user.Email, user.Subscription);
    public static CurrentUserResponse ToCurrent(this User user) => new(user.Email, user.Subscription, user.AvatarUrl);
}
