namespace ContactsApi.Vcards;

/// <summary>The versions the writer writes. It reads 2.1 too, but nothing reads 2.1 that doesn't read 3.0.</summary>
public enum VcardVersion
{
    /// <summary>vCard 3.0 (RFC 2426): what iOS and Android read, so the default.</summary>
    V3,
    /// <summary>vCard 4.0 (RFC 6350).</summary>
    V4,
}

public static class VcardVersions
{
    /// <summary>"3.0" or "4.0", as the export's <c>version</c> query gives it.</summary>
    public static bool TryParse(string? text, out VcardVersion version)
    {
        version = text switch { "4.0" => VcardVersion.V4, _ => VcardVersion.V3 };
        return text is "3.0" or "4.0";
    }

    public static string Text(this VcardVersion version) => version == VcardVersion.V4 ? "4.0" : "3.0";
}
