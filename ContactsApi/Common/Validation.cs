using System.Buffers;
using FluentValidation;

namespace ContactsApi.Common;

/// <summary>
/// Rules shared by the request validators. Each request type declares its validator beside it; the
/// validators are registered by FluentValidation's DI package and run once for every action argument
/// by <see cref="RequestChecks"/>, which answers the first failure: the contract gives one message at
/// a time, in the order the rules are declared.
/// </summary>
public static class Validation
{
    public const string HiddenCharacters = "must not contain control or bidirectional override characters";

    // C0 and C1 controls (NUL, escapes), and the bidirectional embeddings, overrides and isolates
    // (U+202A–U+202E, U+2066–U+2069): text that hides or reorders what a person reads ("Trojan Source").
    private static readonly SearchValues<char> Hidden = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat(Enumerable.Range(0x202A, 5))
            .Concat(Enumerable.Range(0x2066, 4)).Select(c => (char)c)));

    /// <summary>A required string field: "is required" when absent.</summary>
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilderInitial<T, string?> rule, string field) =>
        rule.Cascade(CascadeMode.Stop).NotNull().WithMessage($"\"{field}\" is required");

    /// <summary>
    /// Free text a person reads (a name, a label): its length after trimming, in the contract's words,
    /// and no control or bidirectional override characters.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string field, int min, int max) =>
        rule.Must(v => v is null || v.Trim().Length >= min && v.Trim().Length <= max)
            .WithMessage($"\"{field}\" must be {min} to {max} characters long")
            .Must(v => v is null || v.AsSpan().IndexOfAny(Hidden) < 0)
            .WithMessage($"\"{field}\" {HiddenCharacters}");
}
