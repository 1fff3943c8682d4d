namespace ContactsApi.Contacts;

/// <summary>The collation names and emails sort by (<see cref="ContactCollation"/>).</summary>
public sealed class CollationOptions
{
    public const string Section = "Contacts";

    /// <summary>
    /// A CLDR locale as .NET names cultures: <c>uk</c> (Ukrainian alphabet order, Cyrillic before Latin: the
    /// default, since the service mirrors a Ukrainian spec), <c>pl</c>, <c>de</c>, <c>en</c>…, or <c>und</c>
    /// for CLDR's root collation, the one shared by languages without rules of their own.
    /// </summary>
    public string Collation { get; set; } = "uk";
}
