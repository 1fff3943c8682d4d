using System.Globalization;
using Microsoft.Extensions.Options;

namespace ContactsApi.Contacts;

/// <summary>
/// The order of names and emails: ICU's collation for the locale <c>Contacts:Collation</c> names, case
/// ignored, accents and other secondary differences kept. The SQLite store indexes <see cref="SortKey"/>;
/// MongoDB applies its own ICU collation of <see cref="MongoLocale"/> at strength 2, the same order.
/// </summary>
public sealed class ContactCollation
{
    // ICU's strength 2 (secondary), as MongoDB's { strength: 2 }. IgnoreCase alone is not quite it: .NET
    // then keeps width and kana differences with a tailored tertiary-strength collator; ignoring all three
    // sets ICU's plain secondary strength. Accents (e ≠ é) are secondary differences, so they still count.
    private const CompareOptions Secondary = CompareOptions.IgnoreCase | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    private readonly CompareInfo _compare;

    public ContactCollation(IOptions<CollationOptions> options)
    {
        // Without ICU (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT, or a build in invariant mode) .NET compares code
        // points: ä after z. That order must never reach an index, so the start stops instead.
        if (CultureInfo.InvariantCulture.CompareInfo.Compare("ä", "b", CompareOptions.None) >= 0)
            throw new InvalidOperationException(
                "ICU is not loaded, so names can't be sorted by a collation: install libicu (Debian and Ubuntu: libicu72 or libicu74) and unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT.");
        Name = options.Value.Collation.Trim();
        var root = Name is "und" or "root" or "";
        try
        {
            _compare = root ? CultureInfo.InvariantCulture.CompareInfo : CultureInfo.GetCultureInfo(Name, predefinedOnly: true).CompareInfo;
        }
        catch (CultureNotFoundException)
        {
            throw new InvalidOperationException(
                $"{CollationOptions.Section}:Collation '{Name}' is not a locale ICU knows; use a CLDR locale such as uk, pl, en or und (root).");
        }
        MongoLocale = root ? "root" : _compare.Name.Replace('-', '_');
        Version = $"{_compare.Version.FullVersion}/{_compare.Version.SortId}";
    }

    /// <summary>The locale as configured, e.g. <c>uk</c> or <c>und</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// ICU's version of this collation (<c>ucol_getVersion</c>): it changes when an ICU release changes the
    /// collation's data, and then every stored sort key must be computed again.
    /// </summary>
    public string Version { get; }

    /// <summary>The locale as MongoDB names it: ICU's name, with <c>root</c> for CLDR's root (MongoDB refuses <c>und</c>).</summary>
    public string MongoLocale { get; }

    /// <summary>ICU's sort key: byte by byte (memcmp), keys order as the collation orders their texts.</summary>
    public byte[] SortKey(string text) => _compare.GetSortKey(text, Secondary).KeyData;
}
