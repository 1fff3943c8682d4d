using System.Globalization;
using FluentValidation;

namespace ContactsApi.Common;

/// <summary>
/// Rules for the values of a query record (its properties are the strings as they arrived, an empty
/// one kept as ""), and the reading of a value those rules let through. Which names a query may hold,
/// each once, is checked for every action by <see cref="RequestChecks"/>. A value from a fixed list
/// is <see cref="Validation.OneOf{T}"/>.
/// </summary>
public static class QueryParameters
{
    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>; the document calls it an integer.</summary>
    public static IRuleBuilderOptions<T, string?> Integer<T>(this IRuleBuilder<T, string?> rule, int min, int max, string message) =>
        rule.SetValidator(new IntegerRule<T>(min, max)).WithMessage(message);

    /// <summary>A value that passed <see cref="Integer{T}"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int Integer(string? value, int fallback) => value is null ? fallback : Parse(value)!.Value;

    /// <summary>Digits only: no sign, no spaces, no thousands separators.</summary>
    public static int? Parse(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
