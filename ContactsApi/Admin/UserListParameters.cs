using ContactsApi.Common;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.Admin;

/// <summary>A validated page of the user list: sorted by createdAt then id, optionally with each user's contacts.</summary>
public sealed record UserListQuery(int Page, int Limit, bool WithContacts)
{
    public int Skip => (Page - 1) * Limit;
}

/// <summary>
/// The user list's query as it arrives: strings, so that a bad value is reported by the validator
/// below in the contract's words rather than by the model binder. An empty value (<c>?limit=</c>)
/// counts as given, so it is refused instead of read as absent.
/// </summary>
/// <param name="Limit">Users a page, 1–100; 20 when absent.</param>
/// <param name="Page">The page, from 1; 1 when absent.</param>
/// <param name="Include"><c>contacts</c>: each user with all their contacts and their numbers.</param>
public sealed record UserListParameters(
    [property: FromQuery(Name = "limit")] string? Limit,
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "include")] string? Include)
{
    public UserListQuery ToQuery() =>
        new(QueryParameters.Integer(Page, 1), QueryParameters.Integer(Limit, 20), Include == UserParameters.Contacts);
}

/// <summary>The query of one user: only <c>include=contacts</c>.</summary>
/// <param name="Include"><c>contacts</c>: the user with all their contacts and their numbers.</param>
public sealed record UserParameters([property: FromQuery(Name = "include")] string? Include)
{
    internal const string Contacts = "contacts";

    // A method, not a property: the OpenAPI document would list it as a query parameter.
    public bool WithContacts() => Include == Contacts;
}

public sealed class UserListParametersValidator : AbstractValidator<UserListParameters>
{
    public UserListParametersValidator()
    {
        RuleFor(p => p.Page).Integer(1, int.MaxValue / 100, "\"page\" must be an integer of at least 1");
        RuleFor(p => p.Limit).Integer(1, 100, "\"limit\" must be an integer from 1 to 100");
        RuleFor(p => p.Include).OneOf("include", UserParameters.Contacts);
    }
}

public sealed class UserParametersValidator : AbstractValidator<UserParameters>
{
    public UserParametersValidator() => RuleFor(p => p.Include).OneOf("include", UserParameters.Contacts);
}
