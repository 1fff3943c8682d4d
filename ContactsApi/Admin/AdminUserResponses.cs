using System.Text.Json.Serialization;
using ContactsApi.Contacts;
using ContactsApi.Users;

namespace ContactsApi.Admin;

/// <summary>
/// A user as an admin sees them. Built field by field from the stored document, so the password
/// hash and the sessions can never reach a response. <c>contacts</c> is there only when asked for, and
/// then written as the store reads it (see <see cref="ContactsByOwner"/>).
/// </summary>
public sealed record AdminUserResponse(
    [property: JsonPropertyName("_id")] string Id,
    string Name,
    string Email,
    string Subscription,
    [property: JsonPropertyName("is_active")] bool IsActive,
    [property: JsonPropertyName("is_admin")] bool IsAdmin,
    [property: JsonPropertyName("avatarURL")] string AvatarUrl,
    DateTime CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IAsyncEnumerable<ContactResponse<string>>? Contacts);

/// <summary>The backUpforce Plus envelope around one user.</summary>
public sealed record AdminUserEnvelope(bool Success, AdminUserResponse Data);

/// <summary>The backUpforce Plus envelope around a page of users.</summary>
public sealed record AdminUserListEnvelope(bool Success, IReadOnlyList<AdminUserResponse> Data);

/// <summary>The backUpforce Plus answer to a delete.</summary>
public sealed record AdminSuccessResponse(bool Success);

public static class AdminUserMapping
{
    /// <summary>The user with <paramref name="contacts"/> (each with its phones, owner as an id), or without when null.</summary>
    public static AdminUserResponse ToAdminResponse(this User user, IAsyncEnumerable<Contact>? contacts = null) =>
        new(user.Id, user.Name, user.Email, user.Subscription, user.IsActive, user.IsAdmin, user.AvatarUrl, user.CreatedAt,
            contacts?.Select(c => c.ToResponse()));
}
