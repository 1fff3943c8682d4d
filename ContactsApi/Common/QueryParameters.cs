using System.Globalization;
using FluentValidation;

namespace ContactsApi.Common;

/// <summary>
/// Rules for the values of a query record (its properties are the strings as they arrived, an empty
/// one kept as ""), and the reading of a value those rules let through. Which names a query may hold,
/// each once, is checked for every action by <see cref="RequestChecks"/>.
/// </summary>
public static class QueryParameters
{
    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static IRuleBuilderOptions<T, string?> Integer<T>(this IRuleBuilder<T, string?> rule, int min, int max, string message) =>
        rule.Must(v => v is null || Parse(v) is { } n && n >= min && n <= max).WithMessage(message);

    /// <summary>An optional value from a fixed list.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, string name, params string[] allowed) =>
        rule.Must(v => v is null || allowed.Contains(v)).WithMessage($"\"{name}\" must be one of [{string.Join(", ", allowed)}]");

    /// <summary>A value that passed <see cref="Integer{T}"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int Integer(string? value, int fallback) => value is null ? fallback : Parse(value)!.Value;

    private static int? Parse(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
