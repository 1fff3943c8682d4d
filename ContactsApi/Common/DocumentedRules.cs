using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;

namespace ContactsApi.Common;

/// <summary>
/// A validation rule that also says what it checks in the OpenAPI document. The check and its
/// description are one object, so the document can't drift from what the service refuses:
/// <see cref="RulesInDocument"/> finds each field's rules through its validator and lets them describe
/// the field's schema. A rule of a new kind implements this beside its check.
/// </summary>
public interface IDocumentedRule
{
    void Describe(OpenApiSchema schema);
}

/// <summary>
/// Free text a person reads: its length after trimming, and no hidden characters; the message names <paramref name="field"/>.
/// With <paramref name="lineFeeds"/>, text of several lines (a note, a street): a line feed, and only that, is text there.
/// </summary>
public sealed class TextRule<T>(string field, int min, int max, bool lineFeeds = false) : PropertyValidator<T, string?>, IDocumentedRule
{
    // C0 and C1 controls (NUL, escapes), and the bidirectional embeddings, overrides and isolates
    // (U+202A–U+202E, U+2066–U+2069): text that hides or reorders what a person reads ("Trojan Source").
    private static readonly (char First, char Last)[] HiddenRanges =
        [('\u0000', '\u001F'), ('\u007F', '\u009F'), ('\u202A', '\u202E'), ('\u2066', '\u2069')];

    private static readonly (char First, char Last)[] HiddenInLinesRanges =
        [('\u0000', '\u0009'), ('\u000B', '\u001F'), ('\u007F', '\u009F'), ('\u202A', '\u202E'), ('\u2066', '\u2069')];

    private static readonly System.Buffers.SearchValues<char> Hidden = Characters(HiddenRanges);
    private static readonly System.Buffers.SearchValues<char> HiddenInLines = Characters(HiddenInLinesRanges);

    public override string Name => "TextRule";

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        if (value is null) return true;
        var length = value.Trim().Length;
        if (length < min || length > max)
            context.MessageFormatter.AppendArgument("Problem",
                min == 0 ? $"\"{field}\" must be at most {max} characters long" : $"\"{field}\" must be {min} to {max} characters long");
        else if (value.AsSpan().IndexOfAny(lineFeeds ? HiddenInLines : Hidden) >= 0)
            context.MessageFormatter.AppendArgument("Problem", $"\"{field}\" {Validation.HiddenCharacters}");
        else return true;
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "{Problem}";

    public void Describe(OpenApiSchema schema)
    {
        schema.MinLength = min;
        schema.MaxLength = max;
        // Not blank when it must hold something: the length counts after trimming.
        schema.Pattern = (min > 0 ? @"^(?=\s*\S)" : "^") + $"[^{Class(lineFeeds ? HiddenInLinesRanges : HiddenRanges)}]*$";
    }

    private static System.Buffers.SearchValues<char> Characters((char First, char Last)[] ranges) => System.Buffers.SearchValues.Create(
        string.Concat(ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1)).Select(c => (char)c)));

    /// <summary>The same characters as a regular expression class, for the document.</summary>
    private static string Class((char First, char Last)[] ranges) => string.Concat(ranges.Select(r => $@"\u{(int)r.First:X4}-\u{(int)r.Last:X4}"));
}

/// <summary>An email address as <see cref="EmailAddress.IsValid"/> takes it.</summary>
public sealed class EmailRule<T> : PropertyValidator<T, string?>, IDocumentedRule
{
    public override string Name => "EmailRule";

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || EmailAddress.IsValid(value);

    public void Describe(OpenApiSchema schema)
    {
        schema.Format = "email";
        schema.MaxLength = EmailAddress.MaxLength;
        schema.Pattern = DocumentedPattern.Of(EmailAddress.Pattern());
    }
}

/// <summary>Text that matches <paramref name="pattern"/> once trimmed.</summary>
public sealed class TrimmedPatternRule<T>(Regex pattern) : PropertyValidator<T, string?>, IDocumentedRule
{
    public override string Name => "TrimmedPatternRule";

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || pattern.IsMatch(value.Trim());

    public void Describe(OpenApiSchema schema) => schema.Pattern = DocumentedPattern.Of(pattern);
}

/// <summary>One of a fixed list of values.</summary>
public sealed class OneOfRule<T>(IReadOnlyList<string> allowed) : PropertyValidator<T, string?>, IDocumentedRule
{
    public override string Name => "OneOfRule";

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || allowed.Contains(value);

    public void Describe(OpenApiSchema schema)
    {
        schema.Enum = allowed.Select(JsonNode (v) => JsonValue.Create(v)).ToList();
        schema.Examples ??= [JsonValue.Create(allowed[0])];
    }
}

/// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, in a query string (so a string until it is read).</summary>
public sealed class IntegerRule<T>(int min, int max) : PropertyValidator<T, string?>, IDocumentedRule
{
    public override string Name => "IntegerRule";

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null || QueryParameters.Parse(value) is { } n && n >= min && n <= max;

    public void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Integer | (schema.Type & JsonSchemaType.Null);
        schema.Format = "int32";
        schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        schema.Examples ??= [JsonValue.Create(min)];
    }
}

/// <summary>A list of <paramref name="min"/> to <paramref name="max"/> entries.</summary>
public sealed class CountRule<T, TItem>(int min, int max) : PropertyValidator<T, List<TItem>?>, IDocumentedRule
{
    public override string Name => "CountRule";

    public override bool IsValid(ValidationContext<T> context, List<TItem>? value) => value is null || value.Count >= min && value.Count <= max;

    public void Describe(OpenApiSchema schema)
    {
        schema.MinItems = min;
        schema.MaxItems = max;
    }
}

/// <summary>
/// Each entry of a list checked by the validator of its index (each names its entry in its messages:
/// <c>phones[2].number</c>); the first failure is the message. A list longer than the validators is
/// left to the rule on its length. The entries' schema is their type's, which that type's validator
/// describes, so this rule adds nothing to the list's.
/// </summary>
public sealed class EntriesRule<T, TItem>(IReadOnlyList<IValidator<TItem>> byIndex) : PropertyValidator<T, List<TItem>?>, IDocumentedRule
{
    public override string Name => "EntriesRule";

    public override bool IsValid(ValidationContext<T> context, List<TItem>? value)
    {
        if (value is null || value.Count > byIndex.Count) return true;
        var failure = value.Select((entry, i) => byIndex[i].Validate(entry)).FirstOrDefault(r => !r.IsValid);
        if (failure is null) return true;
        context.MessageFormatter.AppendArgument("EntryMessage", failure.Errors[0].ErrorMessage);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "{EntryMessage}";

    public void Describe(OpenApiSchema schema) { }
}

/// <summary>An ObjectId: the pattern of <see cref="ObjectIds"/>, and an id as an example.</summary>
public static class ObjectIdSchema
{
    public static void Describe(OpenApiSchema schema)
    {
        schema.Pattern = ObjectIds.Pattern;
        schema.Examples ??= [JsonValue.Create("63aac14a3ca32c25b4470065")];
    }
}

/// <summary>
/// A .NET regular expression as the document writes it (ECMA-262, as JSON Schema reads patterns).
/// The service's patterns are written to mean the same in both; the one difference they use is the
/// end anchor: .NET's <c>$</c> also matches before a final line feed, so they end with <c>\z</c>,
/// which ECMA-262 lacks and whose meaning its <c>$</c> has.
/// </summary>
public static class DocumentedPattern
{
    public static string Of(Regex regex) => Of(regex.ToString());

    public static string Of(string pattern) => pattern.Replace(@"\z", "$", StringComparison.Ordinal);
}
