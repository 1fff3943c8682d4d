using System.Text;
using System.Text.Json;
using ContactsApi.Contacts;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// A contact's JSON array columns (phones, emails, addresses, kept) read with System.Text.Json's reader straight into
/// the contact's records. The generated deserializer filled a row object for each entry, then a list, then an array:
/// 0.6 µs for a column of two phones, against 0.4 µs here, 20 times a page. Fields may come in any order; a field the record lacks is
/// skipped, and a missing one is "", as the rows the columns are written from (<see cref="SqliteContactRepository.PhoneRow"/>) default to.
/// </summary>
internal static class SqliteJsonColumns
{
    private static readonly byte[][] PhoneFields = Names("_id", "number", "label");
    private static readonly byte[][] EmailFields = Names("_id", "address", "label");
    private static readonly byte[][] AddressFields = Names("_id", "label", "street", "city", "region", "postcode", "country");

    public static IReadOnlyList<Phone> Phones(ReadOnlySpan<byte> json) => Objects(json, PhoneFields, f => new Phone(f[0], f[1], f[2]));

    public static IReadOnlyList<ContactEmail> Emails(ReadOnlySpan<byte> json) =>
        Objects(json, EmailFields, f => new ContactEmail(f[0], f[1], f[2]));

    public static IReadOnlyList<ContactAddress> Addresses(ReadOnlySpan<byte> json) =>
        Objects(json, AddressFields, f => new ContactAddress(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));

    public static IReadOnlyList<string> Strings(ReadOnlySpan<byte> json)
    {
        // Most contacts have none of the card's lists.
        if (json is [(byte)'[', (byte)']']) return [];
        var reader = Start(json);
        var strings = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray) strings.Add(reader.GetString()!);
        return strings.ToArray();
    }

    private static T[] Objects<T>(ReadOnlySpan<byte> json, byte[][] names, Func<string[], T> create)
    {
        if (json is [(byte)'[', (byte)']']) return [];
        var reader = Start(json);
        var rows = new List<T>();
        var fields = new string[names.Length];
        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            Array.Fill(fields, "");
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var field = Field(ref reader, names);
                reader.Read();
                if (field >= 0) fields[field] = reader.GetString()!;
                else reader.Skip();
            }
            rows.Add(create(fields));
        }
        return rows.ToArray();
    }

    private static int Field(ref Utf8JsonReader reader, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
            if (reader.ValueTextEquals(names[i])) return i;
        return -1;
    }

    private static Utf8JsonReader Start(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (Next(ref reader) != JsonTokenType.StartArray) throw new JsonException("A list column holds no JSON array.");
        return reader;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("A list column's JSON ends early.");

    private static byte[][] Names(params string[] names) => [.. names.Select(Encoding.UTF8.GetBytes)];
}
