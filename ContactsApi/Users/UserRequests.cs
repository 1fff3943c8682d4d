using ContactsApi.Common;
using FluentValidation;

namespace ContactsApi.Users;

/// <param name="Email" example="chaim@example.com">Compared in any letter case; stored lower-case.</param>
/// <param name="Password" example="exA7$mpless">The account's password.</param>
/// <param name="Name" example="Chaim Lewise">The account holder's name.</param>
public sealed record RegisterRequest(string? Email, string? Password, string? Name);

/// <param name="Email" example="chaim@example.com">The account's email, in any letter case.</param>
/// <param name="Password" example="exA7$mpless">The account's password.</param>
public sealed record LoginRequest(string? Email, string? Password);

/// <param name="Subscription" example="pro">The new plan.</param>
public sealed record SubscriptionRequest(string? Subscription);

public sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator()
    {
        RuleFor(r => r.Email).Required("email").Email("email");
        RuleFor(r => r.Password).Required("password").Matches(PasswordPolicy.Pattern()).WithMessage(PasswordPolicy.Message);
        RuleFor(r => r.Name).Text("name", 1, 100);
    }
}

/// <summary>Login checks the same formats as registration first, as the spec does.</summary>
public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).Required("email").Email("email");
        RuleFor(r => r.Password).Required("password").Matches(PasswordPolicy.Pattern()).WithMessage(PasswordPolicy.Message);
    }
}

public sealed class SubscriptionRequestValidator : AbstractValidator<SubscriptionRequest>
{
    public SubscriptionRequestValidator() =>
        RuleFor(r => r.Subscription).Required("subscription").OneOf("subscription", Subscriptions.All);
}
