using ContactsApi.Common;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.Contacts;

/// <summary>
/// The list query as it arrives: strings, so that a bad value is reported by the validator below in
/// the contract's words rather than by the model binder; <see cref="ToQuery"/> reads what it let through.
/// </summary>
/// <param name="Page">The page, from 1; 1 when absent.</param>
/// <param name="Limit">Contacts a page, 1–100; 20 when absent.</param>
/// <param name="Sort">name (default), email, phone, favorite, createdAt or updatedAt; ties break by _id.</param>
/// <param name="Order">asc (default) or desc.</param>
/// <param name="Name">Case-insensitive substring of the name.</param>
/// <param name="Email">Case-insensitive substring of the email.</param>
/// <param name="Phone">Digits found in any of the contact's numbers; punctuation is ignored.</param>
/// <param name="Favorite">true or false.</param>
public sealed record ContactListParameters(
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "limit")] string? Limit,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "order")] string? Order,
    [property: FromQuery(Name = "name")] string? Name,
    [property: FromQuery(Name = "email")] string? Email,
    [property: FromQuery(Name = "phone")] string? Phone,
    [property: FromQuery(Name = "favorite")] string? Favorite)
{
    internal static readonly string[] SortKeys = ["name", "email", "phone", "favorite", "createdAt", "updatedAt"];

    public ContactQuery ToQuery() => new()
    {
        Page = QueryParameters.Integer(Page, 1),
        Limit = QueryParameters.Integer(Limit, 20),
        Sort = Sort is null ? ContactSort.Name : Enum.Parse<ContactSort>(Sort, ignoreCase: true),
        Descending = Order == "desc",
        Name = Name is null ? null : SearchText.Fold(Name),
        Email = Email is null ? null : SearchText.Fold(Email),
        PhoneDigits = Phone is null ? null : Contacts.Phone.Digits(Phone),
        Favorite = Favorite is null ? null : Favorite == "true",
    };
}

public sealed class ContactListParametersValidator : AbstractValidator<ContactListParameters>
{
    public ContactListParametersValidator()
    {
        RuleFor(p => p.Page).Integer(1, int.MaxValue / 100, "\"page\" must be an integer of at least 1");
        RuleFor(p => p.Limit).Integer(1, 100, "\"limit\" must be an integer from 1 to 100");
        RuleFor(p => p.Sort).OneOf("sort", ContactListParameters.SortKeys);
        RuleFor(p => p.Order).OneOf("order", "asc", "desc");
        RuleFor(p => p.Name).MaximumLength(100).WithMessage("\"name\" must be at most 100 characters long");
        RuleFor(p => p.Email).MaximumLength(100).WithMessage("\"email\" must be at most 100 characters long");
        const string phoneMessage = "\"phone\" must hold 1 to 32 characters with at least one digit";
        RuleFor(p => p.Phone).MaximumLength(32).WithMessage(phoneMessage).Matches("[0-9]").WithMessage(phoneMessage);
        RuleFor(p => p.Favorite).OneOf("favorite", "true", "false");
    }
}
