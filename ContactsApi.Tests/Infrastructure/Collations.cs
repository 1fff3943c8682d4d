using System.Globalization;

namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// The orders names and emails sort in, as the tests' oracle: ICU's collation through .NET's own comparison
/// (case, width and kana ignored: ICU's strength 2), not the sort keys the stores keep.
/// </summary>
internal static class Collations
{
    public static readonly StringComparer Ukrainian = Of("uk");

    /// <summary>A CLDR locale, <c>und</c> for the root collation.</summary>
    public static StringComparer Of(string locale) => CompareInfo.GetCompareInfo(locale == "und" ? "" : locale)
        .GetStringComparer(CompareOptions.IgnoreCase | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth);
}
