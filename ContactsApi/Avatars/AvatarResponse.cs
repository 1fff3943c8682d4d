using System.Text.Json.Serialization;

namespace ContactsApi.Avatars;

public sealed record AvatarResponse([property: JsonPropertyName("avatarURL")] string AvatarUrl);
