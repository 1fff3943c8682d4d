using System.Text.RegularExpressions;
using ContactsApi.Common;
using FluentValidation;

namespace ContactsApi.Contacts;

/// <summary>A new contact. Give <c>phone</c> (it becomes the first number, label mobile), <c>phones</c>, or both.</summary>
/// <param name="Name" example="Chaim Lewise">The name the contact is known by.</param>
/// <param name="Email" example="is@n.net">The contact's email address.</param>
/// <param name="Phone" example="+38(099)212-5453">The first number (label mobile); or give <c>phones</c>, or both.</param>
/// <param name="Favorite" example="true">False when absent.</param>
public sealed record CreateContactRequest(string? Name, string? Email, string? Phone, List<PhoneRequest>? Phones, bool? Favorite);

/// <summary>Any non-empty subset of a contact's fields. <c>phones</c> replaces the list; <c>phone</c> alone changes the first number.</summary>
/// <param name="Name" example="Chaim Lewise">The name the contact is known by.</param>
/// <param name="Email" example="is@n.net">The contact's email address.</param>
/// <param name="Phone" example="+38(099)212-5453">The first number (label mobile); or give <c>phones</c>, or both.</param>
/// <param name="Favorite" example="true">Whether the contact is a favorite.</param>
public sealed record UpdateContactRequest(string? Name, string? Email, string? Phone, List<PhoneRequest>? Phones, bool? Favorite)
{
    // A method, not a property: a body can't name it, and the OpenAPI document doesn't list it.
    public bool IsEmpty() => Name is null && Email is null && Phone is null && Phones is null && Favorite is null;
}

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
