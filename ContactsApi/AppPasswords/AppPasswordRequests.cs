using System.Text.Json.Serialization;
using ContactsApi.Common;
using FluentValidation;

namespace ContactsApi.AppPasswords;

/// <param name="Name" example="Ann's iPhone">What the password is for, to tell it apart when revoking it.</param>
public sealed record AppPasswordRequest(string? Name);

public sealed class AppPasswordRequestValidator : AbstractValidator<AppPasswordRequest>
{
    public AppPasswordRequestValidator() => RuleFor(r => r.Name).Required("name").Text("name", 1, 100);
}

/// <summary>An app password as listed: never the password, which only its creation shows.</summary>
public sealed record AppPasswordSummary([property: JsonPropertyName("_id")] string Id, string Name, DateTime CreatedAt);

/// <summary>A new app password, with the password itself, shown this once.</summary>
public sealed record NewAppPasswordResponse(
    [property: JsonPropertyName("_id")] string Id, string Name, string Password, DateTime CreatedAt);
