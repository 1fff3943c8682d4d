using System.Text.RegularExpressions;
using ContactsApi.Common;
using FluentValidation;

namespace ContactsApi.Contacts;

/// <summary>
/// A new contact. Give <c>phone</c> (it becomes the first number, label mobile), <c>phones</c>, or both. <c>email</c>
/// is required; <c>emails</c> may list more (then <c>email</c> is its first address). The rest is optional.
/// </summary>
/// <param name="Name" example="Chaim Lewise">The name the contact is known by.</param>
/// <param name="Email" example="is@n.net">The contact's email address (label other when <c>emails</c> is absent).</param>
/// <param name="Phone" example="+38(099)212-5453">The first number (label mobile); or give <c>phones</c>, or both.</param>
/// <param name="Favorite" example="true">False when absent.</param>
/// <param name="Emails">Every address, each with its label; the first is <c>email</c>.</param>
/// <param name="Organization" example="Lewise &amp; Sons">The company or organization.</param>
/// <param name="Title" example="CEO">The job title.</param>
/// <param name="Birthday" example="--04-12">YYYY-MM-DD, or --MM-DD without a year.</param>
/// <param name="Notes" example="Met at the fair.">Free text of any number of lines.</param>
/// <param name="Addresses">Postal addresses, each with its label.</param>
public sealed record CreateContactRequest(string? Name, string? Email, string? Phone, List<PhoneRequest>? Phones, bool? Favorite,
    List<EmailRequest>? Emails, string? Organization, string? Title, string? Birthday, string? Notes, List<AddressRequest>? Addresses);

/// <summary>
/// Any non-empty subset of a contact's fields. <c>phones</c>, <c>emails</c> and <c>addresses</c> replace their
/// lists; <c>phone</c> alone changes the first number, <c>email</c> alone the first address. An empty
/// <c>organization</c>, <c>title</c>, <c>birthday</c> or <c>notes</c> clears it.
/// </summary>
/// <param name="Name" example="Chaim Lewise">The name the contact is known by.</param>
/// <param name="Email" example="is@n.net">The first address, its label kept.</param>
/// <param name="Phone" example="+38(099)212-5453">The first number (label mobile); or give <c>phones</c>, or both.</param>
/// <param name="Favorite" example="true">Whether the contact is a favorite.</param>
/// <param name="Emails">Every address, each with its label; replaces the list.</param>
/// <param name="Organization" example="Lewise &amp; Sons">The company or organization; empty clears it.</param>
/// <param name="Title" example="CEO">The job title; empty clears it.</param>
/// <param name="Birthday" example="--04-12">YYYY-MM-DD, or --MM-DD without a year; empty clears it.</param>
/// <param name="Notes" example="Met at the fair.">Free text of any number of lines; empty clears it.</param>
/// <param name="Addresses">Postal addresses, each with its label; replaces the list.</param>
public sealed record UpdateContactRequest(string? Name, string? Email, string? Phone, List<PhoneRequest>? Phones, bool? Favorite,
    List<EmailRequest>? Emails, string? Organization, string? Title, string? Birthday, string? Notes, List<AddressRequest>? Addresses)
{
    // A method, not a property: a body can't name it, and the OpenAPI document doesn't list it.
    public bool IsEmpty() => Name is null && Email is null && Phone is null && Phones is null && Favorite is null && Emails is null
                             && Organization is null && Title is null && Birthday is null && Notes is null && Addresses is null;
}

/// <param name="Address" example="is@n.net">The email address.</param>
/// <param name="Label" example="home">Free text; home, work and other are the usual ones.</param>
public sealed record EmailRequest(string? Address, string? Label);

/// <summary>A postal address: a label and at least one of the rest.</summary>
/// <param name="Label" example="work">Free text; home, work and other are the usual ones.</param>
/// <param name="Street" example="1 Main St">The street, and any more lines (a flat, a PO box).</param>
/// <param name="City" example="Kyiv">The city or locality.</param>
/// <param name="Region" example="">The region, state or province.</param>
/// <param name="Postcode" example="01001">The postal code.</param>
/// <param name="Country" example="Ukraine">The country.</param>
public sealed record AddressRequest(string? Label, string? Street, string? City, string? Region, string? Postcode, string? Country);

/// <param name="Favorite" example="true">Whether the contact is a favorite.</param>
public sealed record FavoriteRequest(bool? Favorite);

/// <param name="Number" example="(294) 840-6685">The number as people write it.</param>
/// <param name="Label" example="work">Free text; mobile, home, work and other are the usual ones.</param>
public sealed record PhoneRequest(string? Number, string? Label);

public static partial class PhoneRules
{
    public const int MaxPhones = 20;

    /// <summary>3–32 characters of digits, spaces and <c>+ - ( ) .</c>, at least 3 of them digits (checked trimmed).</summary>
    [GeneratedRegex(@"^(?=(?:[^0-9]*[0-9]){3})[0-9 +\-().]{3,32}\z")]
    public static partial Regex Number();

    public static string NumberMessage(string field) =>
        $"\"{field}\" must be 3 to 32 characters of digits, spaces and + - ( ) . with at least 3 digits";
}

/// <summary>Rules of the phone fields, shared by create and update.</summary>
internal static class PhoneFieldRules
{
    public static void ForPhoneFields<T>(this AbstractValidator<T> validator, Func<T, string?> phone, Func<T, List<PhoneRequest>?> phones)
    {
        validator.RuleFor(r => phone(r))
            .MatchesTrimmed(PhoneRules.Number(), PhoneRules.NumberMessage("phone"))
            .OverridePropertyName("phone");
        validator.RuleFor(r => phones(r))
            .Count(1, PhoneRules.MaxPhones, $"\"phones\" must hold 1 to {PhoneRules.MaxPhones} numbers")
            .OverridePropertyName("phones");
        validator.RuleFor(r => phones(r))
            .Entries(Entries)
            .OverridePropertyName("phones");
        validator.RuleFor(r => r).Must(r => phone(r) is null || phones(r) is not { Count: > 0 } list ||
                                           list[0].Number?.Trim() == phone(r)!.Trim())
            .WithMessage("\"phone\" must equal the number of the first entry of \"phones\"");
    }

    // One validator an entry, made once: each names its fields with the entry's index.
    private static readonly PhoneRequestValidator[] Entries =
        Enumerable.Range(0, PhoneRules.MaxPhones).Select(i => new PhoneRequestValidator($"phones[{i}].")).ToArray();
}

public sealed class PhoneRequestValidator : AbstractValidator<PhoneRequest>
{
    public PhoneRequestValidator() : this("") { }

    internal PhoneRequestValidator(string prefix)
    {
        RuleFor(p => p.Number).Required(prefix + "number").MatchesTrimmed(PhoneRules.Number(), PhoneRules.NumberMessage(prefix + "number"));
        RuleFor(p => p.Label).Required(prefix + "label").Text(prefix + "label", 1, 32);
    }
}

public sealed class CreateContactRequestValidator : AbstractValidator<CreateContactRequest>
{
    public CreateContactRequestValidator()
    {
        RuleFor(r => r.Name).Required("name").Text("name", 1, 100);
        RuleFor(r => r.Email).Required("email").Email("email");
        RuleFor(r => r).Must(r => r.Phone is not null || r.Phones is not null).WithMessage("\"phone\" is required");
        this.ForPhoneFields(r => r.Phone, r => r.Phones);
        this.ForCardFields(r => r.Email, r => r.Emails, r => r.Organization, r => r.Title, r => r.Birthday, r => r.Notes, r => r.Addresses);
    }
}

public sealed class UpdateContactRequestValidator : AbstractValidator<UpdateContactRequest>
{
    public UpdateContactRequestValidator()
    {
        RuleFor(r => r).Must(r => !r.IsEmpty()).WithMessage("missing fields");
        RuleFor(r => r.Name).Text("name", 1, 100);
        RuleFor(r => r.Email).Email("email");
        this.ForPhoneFields(r => r.Phone, r => r.Phones);
        this.ForCardFields(r => r.Email, r => r.Emails, r => r.Organization, r => r.Title, r => r.Birthday, r => r.Notes, r => r.Addresses);
    }
}

public sealed class FavoriteRequestValidator : AbstractValidator<FavoriteRequest>
{
    public FavoriteRequestValidator() => RuleFor(r => r.Favorite).NotNull().WithMessage("Missing field favorite");
}

/// <summary>A phone edit: any non-empty subset of number and label.</summary>
/// <param name="Number" example="(294) 840-6685">The number as people write it.</param>
/// <param name="Label" example="work">Free text; mobile, home, work and other are the usual ones.</param>
public sealed record UpdatePhoneRequest(string? Number, string? Label);

public sealed class UpdatePhoneRequestValidator : AbstractValidator<UpdatePhoneRequest>
{
    public UpdatePhoneRequestValidator()
    {
        RuleFor(r => r).Must(r => r.Number is not null || r.Label is not null).WithMessage("missing fields");
        RuleFor(r => r.Number).MatchesTrimmed(PhoneRules.Number(), PhoneRules.NumberMessage("number"));
        RuleFor(r => r.Label).Text("label", 1, 32);
    }
}
