using System.Text.Json.Serialization;
using ContactsApi.Common;
using ContactsApi.Users;
using FluentValidation;

namespace ContactsApi.Admin;

/// <summary>A user an admin creates: the rules and messages of registration, with the name required.</summary>
/// <param name="Name" example="Chaim Lewise">The user's name.</param>
/// <param name="Email" example="chaim@example.com">The user's email, in any letter case; unique.</param>
/// <param name="Password" example="exA7$mpless">The user's password, by the rule of registration.</param>
public sealed record CreateUserRequest(string? Name, string? Email, string? Password);

/// <summary>Any non-empty subset of a user's fields. A new password or <c>is_active: false</c> ends all their sessions.</summary>
/// <param name="Name" example="Chaim Lewise">The user's name.</param>
/// <param name="Email" example="chaim@example.com">The user's email, in any letter case; unique.</param>
/// <param name="Password" example="exA7$mpless">The user's password, by the rule of registration.</param>
/// <param name="Subscription" example="pro">The user's plan.</param>
/// <param name="IsActive" example="true">False: the user can't log in and their tokens stop working.</param>
/// <param name="IsAdmin" example="false">Whether the user may use these admin endpoints.</param>
public sealed record UpdateUserRequest(
    string? Name,
    string? Email,
    string? Password,
    string? Subscription,
    [property: JsonPropertyName("is_active")] bool? IsActive,
    [property: JsonPropertyName("is_admin")] bool? IsAdmin)
{
    // Methods, not properties: a body can't name them, and the OpenAPI document doesn't list them.
    public bool IsEmpty() => Name is null && Email is null && Password is null && Subscription is null && IsActive is null && IsAdmin is null;

    /// <summary>True when the change must end the user's sessions: their old password or their access is gone.</summary>
    public bool EndsSessions() => Password is not null || IsActive == false;

    /// <summary>The user with the given fields changed; the password is hashed by the caller.</summary>
    public User ApplyTo(User current, DateTime now) => current with
    {
        Name = Name?.Trim() ?? current.Name,
        Email = Email is null ? current.Email : EmailAddress.Normalize(Email),
        Subscription = Subscription ?? current.Subscription,
        IsActive = IsActive ?? current.IsActive,
        IsAdmin = IsAdmin ?? current.IsAdmin,
        UpdatedAt = now,
    };
}

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.Name).Required("name").Text("name", 1, 100);
        RuleFor(r => r.Email).Required("email").Email("email");
        RuleFor(r => r.Password).Required("password").Matches(PasswordPolicy.Pattern()).WithMessage(PasswordPolicy.Message);
    }
}

public sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        RuleFor(r => r).Must(r => !r.IsEmpty()).WithMessage("missing fields");
        RuleFor(r => r.Name).Text("name", 1, 100);
        RuleFor(r => r.Email).Email("email");
        RuleFor(r => r.Password).Matches(PasswordPolicy.Pattern()).WithMessage(PasswordPolicy.Message);
        RuleFor(r => r.Subscription).OneOf("subscription", Subscriptions.All);
    }
}
