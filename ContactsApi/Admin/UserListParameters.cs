using ContactsApi.Common;
using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.Admin;

/// <summary>A validated page of the user list: sorted by createdAt then id, optionally with each user's contacts.</summary>
public sealed record UserListQuery(int Page, int Limit, bool WithContacts)
{
    public int Skip => (Page - 1) * Limit;
}

/// <summary>
/// The user list's query as it arrives: strings, so that a bad value is reported by
/// <see cref="ToQuery"/> in the contract's words rather than by the model binder. An empty value
/// (<c>?limit=</c>) counts as given, so it is refused instead of read as absent.
/// </summary>
/// <param name="Limit">Users a page, 1–100; 20 when absent.</param>
/// <param name="Page">The page, from 1; 1 when absent.</param>
/// <param name="Include"><c>contacts</c>: each user with all their contacts and their numbers.</param>
public sealed record UserListParameters(
    [property: FromQuery(Name = "limit")] string? Limit,
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "include")] string? Include)
{
    private static readonly string[] Allowed = ["limit", "page", "include"];

    public UserListQuery ToQuery(IQueryCollection raw)
    {
        QueryParameters.OnlyOnce(raw, Allowed);
        return new UserListQuery(
            QueryParameters.Integer(Page.Given(raw, "page"), 1, int.MaxValue / 100, 1, "\"page\" must be an integer of at least 1"),
            QueryParameters.Integer(Limit.Given(raw, "limit"), 1, 100, 20, "\"limit\" must be an integer from 1 to 100"),
            UserParameters.IncludesContacts(Include.Given(raw, "include")));
    }
}

/// <summary>The query of one user: only <c>include=contacts</c>.</summary>
/// <param name="Include"><c>contacts</c>: the user with all their contacts and their numbers.</param>
public sealed record UserParameters([property: FromQuery(Name = "include")] string? Include)
{
    private static readonly string[] Allowed = ["include"];

    public bool WithContacts(IQueryCollection raw)
    {
        QueryParameters.OnlyOnce(raw, Allowed);
        return IncludesContacts(Include.Given(raw, "include"));
    }

    internal static bool IncludesContacts(string? include) => include switch
    {
        null => false,
        "contacts" => true,
        _ => throw ApiException.BadRequest("\"include\" must be one of [contacts]"),
    };
}
