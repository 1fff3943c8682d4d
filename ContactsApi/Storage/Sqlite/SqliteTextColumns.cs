using System.Text.Json;
using ContactsApi.Contacts;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// The columns a contact's name and email are sorted and searched by, computed here because SQL can't: ICU's
/// sort keys (<c>name_key</c>, <c>email_key</c>), the folded texts (<c>name_lc</c>, <c>email_lc</c>) and the
/// name's trigrams (<c>name_grams</c>). Triggers keep the search index and the trigram counts from them.
/// </summary>
internal sealed record SqliteTextColumns(byte[] NameKey, byte[] EmailKey, string NameFolded, string EmailFolded, string NameGrams)
{
    public static SqliteTextColumns Of(string name, string email, ContactCollation collation)
    {
        var folded = SearchText.Fold(name);
        return new(collation.SortKey(name), collation.SortKey(email), folded, SearchText.Fold(email), Trigrams(folded));
    }

    public SqliteCommand BindTo(SqliteCommand command) => command
        .With("$name_key", NameKey).With("$email_key", EmailKey)
        .With("$name_lc", NameFolded).With("$email_lc", EmailFolded).With("$name_grams", NameGrams);

    /// <summary>
    /// Each trigram of the folded name once, as a JSON array: three characters (code points, as SQLite and FTS5
    /// count them) in a row. A search of exactly three characters matches just the names holding that trigram.
    /// </summary>
    public static string Trigrams(string folded)
    {
        var starts = new List<int>(folded.Length + 1);
        for (var i = 0; i < folded.Length; i += char.IsSurrogatePair(folded, i) ? 2 : 1) starts.Add(i);
        starts.Add(folded.Length);
        var trigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 < starts.Count; i++) trigrams.Add(folded[starts[i]..starts[i + 3]]);
        return JsonSerializer.Serialize(trigrams, TextColumnsJson.Default.HashSetString);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(HashSet<string>))]
internal sealed partial class TextColumnsJson : System.Text.Json.Serialization.JsonSerializerContext;
