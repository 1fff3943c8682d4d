namespace ContactsApi.Vcards;

/// <summary>
/// The service's labels (mobile, home, work, other, or the user's own text) read from and written
/// to TYPE parameters and Apple's grouped <c>itemN.X-ABLabel</c>, which iOS, macOS and Google
/// Contacts write for custom labels (<c>_$!&lt;Mobile&gt;!$_</c> is Apple's code for a built-in one).
/// </summary>
public static class VcardLabels
{
    public const string Mobile = "mobile";
    public const string Home = "home";
    public const string Work = "work";
    public const string Other = "other";

    private static readonly string[] Standard = [Mobile, Home, Work, Other];

    // TYPE values that say how to reach a number or address, not which one it is.
    private static readonly HashSet<string> Qualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "pref", "voice", "msg", "internet", "x400", "dom", "intl", "postal", "parcel", "video", "bbs", "modem",
        "isdn", "pcs", "text", "textphone",
    };

    /// <summary>A phone's label: its group's X-ABLabel, else what its TYPE values say.</summary>
    public static string OfPhone(VcardProperty tel, string? groupLabel)
    {
        if (groupLabel is not null) return groupLabel;
        var types = tel.Types.ToList();
        bool Has(string t) => types.Any(x => x.Equals(t, StringComparison.OrdinalIgnoreCase));
        if (Has("fax")) return Has("home") ? "home fax" : Has("work") ? "work fax" : "fax";
        if (Has("pager")) return "pager";
        if (Has("cell") || Has("mobile") || Has("iphone")) return Mobile;
        return OfAddressOrEmail(types, ["fax", "pager", "cell", "mobile", "iphone"]);
    }

    /// <summary>An email's or address's label: its group's X-ABLabel, else home, work, a custom TYPE, or other.</summary>
    public static string OfEmailOrAddress(VcardProperty property, string? groupLabel) =>
        groupLabel ?? OfAddressOrEmail(property.Types.ToList(), []);

    private static string OfAddressOrEmail(List<string> types, string[] handled)
    {
        if (types.Any(t => t.Equals(Home, StringComparison.OrdinalIgnoreCase))) return Home;
        if (types.Any(t => t.Equals(Work, StringComparison.OrdinalIgnoreCase))) return Work;
        // Android writes a custom label as TYPE=X-<label>; other writers use words of their own (CAR, ASSISTANT).
        var custom = types.FirstOrDefault(t => !Qualifiers.Contains(t) && !handled.Contains(t, StringComparer.OrdinalIgnoreCase)
            && !t.Equals(Other, StringComparison.OrdinalIgnoreCase));
        if (custom is null) return Other;
        return custom.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && custom.Length > 2 ? custom[2..] : custom.ToLowerInvariant();
    }

    /// <summary>The text of an X-ABLabel; Apple's built-in codes and the plain words Mobile, Home, Work, Other are the service's labels.</summary>
    public static string FromAppleLabel(string text)
    {
        text = text.Trim();
        if (!(text.StartsWith("_$!<", StringComparison.Ordinal) && text.EndsWith(">!$_", StringComparison.Ordinal) && text.Length > 8))
            return Standard.FirstOrDefault(s => s.Equals(text, StringComparison.OrdinalIgnoreCase)) ?? text;
        return text[4..^4] switch
        {
            "Mobile" => Mobile,
            "Home" => Home,
            "Work" => Work,
            "Other" => Other,
            "iPhone" => "iPhone",
            "HomeFAX" => "home fax",
            "WorkFAX" => "work fax",
            "OtherFAX" => "fax",
            var code => code.ToLowerInvariant(),
        };
    }

    /// <summary>The TYPE value a new TEL gets for a label, or null when the label is the user's own text (written as an X-ABLabel).</summary>
    public static string? PhoneTypes(string label) => label switch
    {
        Mobile => "CELL",
        Home => "HOME",
        Work => "WORK",
        Other => "VOICE",
        "home fax" => "HOME,FAX",
        "work fax" => "WORK,FAX",
        "fax" => "FAX",
        "pager" => "PAGER",
        _ => null,
    };

    /// <summary>The TYPE value a new EMAIL gets ("" for other), or null for a custom label.</summary>
    public static string? EmailTypes(string label) => label switch
    {
        Home => "INTERNET,HOME",
        Work => "INTERNET,WORK",
        Other => "INTERNET",
        _ => null,
    };

    /// <summary>The TYPE value a new ADR gets ("" for other: no TYPE), or null for a custom label.</summary>
    public static string? AddressTypes(string label) => label switch
    {
        Home => "HOME",
        Work => "WORK",
        Other => "",
        _ => null,
    };
}
