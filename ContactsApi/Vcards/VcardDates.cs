using System.Globalization;

namespace ContactsApi.Vcards;

/// <summary>Birthdays and revision times in the forms 2.1, 3.0, 4.0 and Apple write them.</summary>
public static class VcardDates
{
    private static readonly string[] RevisionFormats =
    [
        "yyyyMMdd'T'HHmmssK", "yyyyMMdd'T'HHmmss'Z'", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFK",
        "yyyyMMdd'T'HHmmss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "yyyyMMdd",
    ];

    /// <summary>
    /// A birthday as <c>YYYY-MM-DD</c>, or <c>--MM-DD</c> without a year, from <c>19850412</c>,
    /// <c>1985-04-12</c>, <c>1985-04-12T00:00:00Z</c>, <c>--0412</c>, <c>--04-12</c>, or Apple's
    /// <c>BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12</c>. Null when it is none of these (4.0's free text, a year alone).
    /// </summary>
    public static string? Birthday(VcardProperty bday)
    {
        var text = bday.Text.Trim();
        var t = text.IndexOf('T');
        var date = (t < 0 ? text : text[..t]).Replace("-", "");
        int? year;
        string monthDay;
        if (text.StartsWith("--", StringComparison.Ordinal) && date.Length == 4)
        {
            year = null;
            monthDay = date;
        }
        else if (date.Length == 8 && !text.StartsWith('-') && int.TryParse(date[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            // Apple marks a birthday without a year by a stand-in year it names; some Android apps write year 0.
            year = y == 0 || bday.Parameter("X-APPLE-OMIT-YEAR") == date[..4] ? null : y;
            monthDay = date[4..];
        }
        else return null;

        if (!int.TryParse(monthDay[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(monthDay[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month))
            return null;
        return year is { } known ? $"{known:0000}-{month:00}-{day:00}" : $"--{month:00}-{day:00}";
    }

    public static DateTimeOffset? Revision(VcardProperty rev) =>
        DateTimeOffset.TryParseExact(rev.Text.Trim(), RevisionFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
