using System.Globalization;
using ContactsApi.Common;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;

namespace ContactsApi.Contacts;

/// <summary>
/// Rules of the fields a contact holds from the whole card (emails, organization, title, birthday, notes,
/// addresses), shared by create and update. Imported cards are not held to them (see the import).
/// </summary>
public static class CardFieldRules
{
    public const int MaxEmails = 20;
    public const int MaxAddresses = 20;
    public const string BirthdayMessage = "\"birthday\" must be a date as YYYY-MM-DD, or --MM-DD without a year";

    // One validator an entry, made once: each names its fields with the entry's index.
    private static readonly EmailRequestValidator[] Emails =
        Enumerable.Range(0, MaxEmails).Select(i => new EmailRequestValidator($"emails[{i}].")).ToArray();

    private static readonly AddressRequestValidator[] Addresses =
        Enumerable.Range(0, MaxAddresses).Select(i => new AddressRequestValidator($"addresses[{i}].")).ToArray();

    internal static void ForCardFields<T>(this AbstractValidator<T> validator, Func<T, string?> email, Func<T, List<EmailRequest>?> emails,
        Func<T, string?> organization, Func<T, string?> title, Func<T, string?> birthday, Func<T, string?> notes,
        Func<T, List<AddressRequest>?> addresses)
    {
        validator.RuleFor(r => emails(r)).Count(1, MaxEmails, $"\"emails\" must hold 1 to {MaxEmails} addresses").Entries(Emails)
            .OverridePropertyName("emails");
        validator.RuleFor(r => r).Must(r => email(r) is null || emails(r) is not { Count: > 0 } list ||
                                           list[0].Address?.Trim() == email(r)!.Trim())
            .WithMessage("\"email\" must equal the address of the first entry of \"emails\"");
        validator.RuleFor(r => organization(r)).Text("organization", 0, 200).OverridePropertyName("organization");
        validator.RuleFor(r => title(r)).Text("title", 0, 200).OverridePropertyName("title");
        validator.RuleFor(r => birthday(r)).SetValidator(new BirthdayRule<T>()).OverridePropertyName("birthday");
        validator.RuleFor(r => notes(r)).Lines("notes", 0, 10_000).OverridePropertyName("notes");
        validator.RuleFor(r => addresses(r)).Count(0, MaxAddresses, $"\"addresses\" must hold at most {MaxAddresses} entries").Entries(Addresses)
            .OverridePropertyName("addresses");
    }
}

/// <summary>A birthday: <c>YYYY-MM-DD</c>, or <c>--MM-DD</c> (29 February included) without a year; "" clears it.</summary>
public sealed class BirthdayRule<T> : PropertyValidator<T, string?>, IDocumentedRule
{
    public override string Name => "BirthdayRule";

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null or "" || IsBirthday(value);

    protected override string GetDefaultMessageTemplate(string errorCode) => CardFieldRules.BirthdayMessage;

    // The pattern the document states; the check also refuses days a month doesn't have (1906-02-30).
    public void Describe(OpenApiSchema schema) =>
        schema.Pattern = "^(?:(?:[0-9]{4}|-)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))?$";

    public static bool IsBirthday(string text) =>
        text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || text is { Length: 7 } && text.StartsWith("--", StringComparison.Ordinal)
                                 && DateOnly.TryParseExact("2000" + text[1..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

public sealed class EmailRequestValidator : AbstractValidator<EmailRequest>
{
    public EmailRequestValidator() : this("") { }

    internal EmailRequestValidator(string prefix)
    {
        RuleFor(e => e.Address).Required(prefix + "address").Email(prefix + "address");
        RuleFor(e => e.Label).Required(prefix + "label").Text(prefix + "label", 1, 32);
    }
}

public sealed class AddressRequestValidator : AbstractValidator<AddressRequest>
{
    public AddressRequestValidator() : this("") { }

    internal AddressRequestValidator(string prefix)
    {
        RuleFor(a => a.Label).Required(prefix + "label").Text(prefix + "label", 1, 32);
        RuleFor(a => a.Street).Lines(prefix + "street", 0, 200);
        RuleFor(a => a.City).Text(prefix + "city", 0, 100);
        RuleFor(a => a.Region).Text(prefix + "region", 0, 100);
        RuleFor(a => a.Postcode).Text(prefix + "postcode", 0, 32);
        RuleFor(a => a.Country).Text(prefix + "country", 0, 100);
        RuleFor(a => a).Must(a => new[] { a.Street, a.City, a.Region, a.Postcode, a.Country }.Any(p => !string.IsNullOrWhiteSpace(p)))
            .WithMessage($"\"{(prefix.Length == 0 ? "address" : prefix.TrimEnd('.'))}\" must have a street, city, region, postcode or country");
    }
}
