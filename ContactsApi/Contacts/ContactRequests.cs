using ContactsApi.Common;
using FluentValidation;

namespace ContactsApi.Contacts;

/// <summary>A new contact. Give <c>phone</c> (it becomes the first number, label mobile), <c>phones</c>, or both.</summary>
public sealed record CreateContactRequest(string? Name, string? Email, string? Phone, List<PhoneRequest>? Phones, bool? Favorite);

/// <summary>Any non-empty subset of a contact's fields. <c>phones</c> replaces the list; <c>phone</c> alone changes the first number.</summary>
public sealed record UpdateContactRequest(string? Name, string? Email, string? Phone, List<PhoneRequest>? Phones, bool? Favorite)
{
    // A method, not a property: a body can't name it, and the OpenAPI document doesn't list it.
    public bool IsEmpty() => Name is null && Email is null && Phone is null && Phones is null && Favorite is null;
}

public sealed record FavoriteRequest(bool? Favorite);

public sealed record PhoneRequest(string? Number, string? Label);

public static class PhoneRules
{
    public const int MaxPhones = 20;

    /// <summary>3–32 characters of digits, spaces and <c>+ - ( ) .</c>, at least 3 of them digits.</summary>
    public static bool IsValidNumber(string? number) =>
        number?.Trim() is { Length: >= 3 and <= 32 } n && n.All(c => char.IsAsciiDigit(c) || " +-().".Contains(c)) &&
        n.Count(char.IsAsciiDigit) >= 3;

    public static string NumberMessage(string field) =>
        $"\"{field}\" must be 3 to 32 characters of digits, spaces and + - ( ) . with at least 3 digits";
}

/// <summary>Rules of the phone fields, shared by create and update.</summary>
internal static class PhoneFieldRules
{
    public static void ForPhoneFields<T>(this AbstractValidator<T> validator, Func<T, string?> phone, Func<T, List<PhoneRequest>?> phones)
    {
        validator.RuleFor(r => phone(r))
            .Must(p => p is null || PhoneRules.IsValidNumber(p)).WithMessage(PhoneRules.NumberMessage("phone"))
            .OverridePropertyName("phone");
        validator.RuleFor(r => phones(r))
            .Must(p => p is null || p.Count is >= 1 and <= PhoneRules.MaxPhones)
            .WithMessage($"\"phones\" must hold 1 to {PhoneRules.MaxPhones} numbers")
            .OverridePropertyName("phones");
        validator.RuleFor(r => phones(r))
            .Must(list => FirstError(list) is null).WithMessage((_, list) => FirstError(list))
            .OverridePropertyName("phones");
        validator.RuleFor(r => r).Must(r => phone(r) is null || phones(r) is not { Count: > 0 } list ||
                                           list[0].Number?.Trim() == phone(r)!.Trim())
            .WithMessage("\"phone\" must equal the number of the first entry of \"phones\"");
    }

    // One validator an entry, made once: each names its fields with the entry's index.
    private static readonly PhoneRequestValidator[] Entries =
        Enumerable.Range(0, PhoneRules.MaxPhones).Select(i => new PhoneRequestValidator($"phones[{i}].")).ToArray();

    private static string? FirstError(List<PhoneRequest>? phones) =>
        phones is { Count: <= PhoneRules.MaxPhones }
            ? phones.Select((p, i) => Entries[i].Validate(p)).FirstOrDefault(r => !r.IsValid)?.Errors[0].ErrorMessage
            : null;
}

public sealed class PhoneRequestValidator : AbstractValidator<PhoneRequest>
{
    public PhoneRequestValidator() : this("") { }

    internal PhoneRequestValidator(string prefix)
    {
        RuleFor(p => p.Number).Required(prefix + "number").Must(PhoneRules.IsValidNumber).WithMessage(PhoneRules.NumberMessage(prefix + "number"));
        RuleFor(p => p.Label).Required(prefix + "label").Text(prefix + "label", 1, 32);
    }
}

public sealed class CreateContactRequestValidator : AbstractValidator<CreateContactRequest>
{
    public CreateContactRequestValidator()
    {
        RuleFor(r => r.Name).Required("name").Text("name", 1, 100);
        RuleFor(r => r.Email).Required("email").Must(EmailAddress.IsValid).WithMessage("\"email\" must be a valid email");
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
        RuleFor(r => r.Email).Must(e => e is null || EmailAddress.IsValid(e)).WithMessage("\"email\" must be a valid email");
        this.ForPhoneFields(r => r.Phone, r => r.Phones);
    }
}

public sealed class FavoriteRequestValidator : AbstractValidator<FavoriteRequest>
{
    public FavoriteRequestValidator() => RuleFor(r => r.Favorite).NotNull().WithMessage("Missing field favorite");
}

/// <summary>A phone edit: any non-empty subset of number and label.</summary>
public sealed record UpdatePhoneRequest(string? Number, string? Label);

public sealed class UpdatePhoneRequestValidator : AbstractValidator<UpdatePhoneRequest>
{
    public UpdatePhoneRequestValidator()
    {
        RuleFor(r => r).Must(r => r.Number is not null || r.Label is not null).WithMessage("missing fields");
        RuleFor(r => r.Number).Must(n => n is null || PhoneRules.IsValidNumber(n)).WithMessage(PhoneRules.NumberMessage("number"));
        RuleFor(r => r.Label).Text("label", 1, 32);
    }
}
