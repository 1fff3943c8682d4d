using System.Text;

namespace ContactsApi.Contacts;

/// <summary>
/// Names and emails as a search compares them, in both stores and for the query alike: case folded in every
/// script, accents kept (as the collation keeps them: <c>emile</c> finds Emile, not Émile), and composed, so an
/// accent typed as its own character matches the same letter typed whole.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// Upper-cased, then lower-cased: each letter's other forms come together as lower-casing alone leaves
    /// them (Greek's final ς and σ, the long ſ and s), as Unicode's case folding does. Then NFC.
    /// </summary>
    public static string Fold(string text)
    {
        // Normalising throws on a lone surrogate; the stores keep such text as UTF-8, with U+FFFD in its place.
        if (HasLoneSurrogate(text)) text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        return text.ToUpperInvariant().ToLowerInvariant().Normalize(NormalizationForm.FormC);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return true;
        }
        return false;
    }
}
