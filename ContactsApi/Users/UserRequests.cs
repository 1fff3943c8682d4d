using ContactsApi.Common;
using FluentValidation;

namespace ContactsApi.Users;

public sealed record RegisterRequest(string? Email, string? Password, string? Name);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record SubscriptionRequest(string? Subscription);

public sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator()
    {
        RuleFor(r => r.Email).Required("email").Must(EmailAddress.IsValid).WithMessage("\"email\" must be a valid email");
        RuleFor(r => r.Password).Required("password").Must(PasswordPolicy.IsValid).WithMessage(PasswordPolicy.Message);
        RuleFor(r => r.Name).Text("name", 1, 100);
    }
}

/// <summary>Login checks the same formats as registration first, as the spec does.</summary>
public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).Required("email").Must(EmailAddress.IsValid).WithMessage("\"email\" must be a valid email");
        RuleFor(r => r.Password).Required("password").Must(PasswordPolicy.IsValid).WithMessage(PasswordPolicy.Message);
    }
}

public sealed class SubscriptionRequestValidator : AbstractValidator<SubscriptionRequest>
{
    public SubscriptionRequestValidator() =>
        RuleFor(r => r.Subscription).Required("subscription").Must(s => Subscriptions.All.Contains(s))
            .WithMessage($"\"subscription\" must be one of [{string.Join(", ", Subscriptions.All)}]");
}
