using System.Text.RegularExpressions;
using FluentValidation;

namespace ContactsApi.Common;

/// <summary>
/// Rules shared by the request validators. Each request type declares its validator beside it; the
/// validators are registered by FluentValidation's DI package and run once for every action argument
/// by <see cref="RequestChecks"/>, which answers the first failure: the contract gives one message at
/// a time, in the order the rules are declared.
/// <para>
/// Each rule here is an <see cref="IDocumentedRule"/>, so the OpenAPI document states what it checks
/// (see <see cref="RulesInDocument"/>). Write a field's rules with these, or with FluentValidation's
/// own NotNull, Length, MaximumLength, Matches and EmailAddress, which the document reads too; a bare
/// <c>Must</c> on a field is a check the document can't state, and a test refuses it.
/// </para>
/// </summary>
public static class Validation
{
    public const string HiddenCharacters = "must not contain control or bidirectional override characters";

    /// <summary>A required field: "is required" when absent; the document lists it as required.</summary>
    public static IRuleBuilderOptions<T, TProperty> Required<T, TProperty>(this IRuleBuilderInitial<T, TProperty> rule, string field) =>
        rule.Cascade(CascadeMode.Stop).NotNull().WithMessage($"\"{field}\" is required");

    /// <summary>
    /// Free text a person reads (a name, a label): its length after trimming, in the contract's words,
    /// and no control or bidirectional override characters.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string field, int min, int max) =>
        rule.SetValidator(new TextRule<T>(field, min, max));

    /// <summary>Free text of several lines (a note, a street): as <see cref="Text{T}"/>, with line feeds allowed, and nothing else of the kind.</summary>
    public static IRuleBuilderOptions<T, string?> Lines<T>(this IRuleBuilder<T, string?> rule, string field, int min, int max) =>
        rule.SetValidator(new TextRule<T>(field, min, max, lineFeeds: true));

    /// <summary>An email address (<see cref="EmailAddress.IsValid"/>).</summary>
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.SetValidator(new EmailRule<T>()).WithMessage($"\"{field}\" must be a valid email");

    /// <summary>Text that matches <paramref name="pattern"/> once trimmed.</summary>
    public static IRuleBuilderOptions<T, string?> MatchesTrimmed<T>(this IRuleBuilder<T, string?> rule, Regex pattern, string message) =>
        rule.SetValidator(new TrimmedPatternRule<T>(pattern)).WithMessage(message);

    /// <summary>One of a fixed list of values, in the contract's words.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, string field, params IReadOnlyList<string> allowed) =>
        rule.SetValidator(new OneOfRule<T>(allowed)).WithMessage($"\"{field}\" must be one of [{string.Join(", ", allowed)}]");

    /// <summary>A list of <paramref name="min"/> to <paramref name="max"/> entries.</summary>
    public static IRuleBuilderOptions<T, List<TItem>?> Count<T, TItem>(this IRuleBuilder<T, List<TItem>?> rule, int min, int max, string message) =>
        rule.SetValidator(new CountRule<T, TItem>(min, max)).WithMessage(message);

    /// <summary>Each entry checked by the validator of its index in <paramref name="byIndex"/>; the first failure is the message.</summary>
    public static IRuleBuilderOptions<T, List<TItem>?> Entries<T, TItem>(this IRuleBuilder<T, List<TItem>?> rule, IReadOnlyList<IValidator<TItem>> byIndex) =>
        rule.SetValidator(new EntriesRule<T, TItem>(byIndex));
}
