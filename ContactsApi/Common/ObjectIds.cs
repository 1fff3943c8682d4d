using MongoDB.Bson;

namespace ContactsApi.Common;

/// <summary>
/// Ids as the contract writes them: MongoDB ObjectIds as 24 lower-case hex characters, made by
/// MongoDB.Bson in both stores, so an id means the same in SQLite and in MongoDB.
/// </summary>
public static class ObjectIds
{
    public static string New() => ObjectId.GenerateNewId().ToString();

    /// <summary>An id whose timestamp part is <paramref name="time"/> (ids made for data seeded in the past).</summary>
    public static string New(DateTimeOffset time) => ObjectId.GenerateNewId(time.UtcDateTime).ToString();

    /// <summary>
    /// The contract's check: exactly 24 lower-case hex characters. Stricter than
    /// <see cref="ObjectId.TryParse"/>, which also takes upper case, so one id has one spelling.
    /// </summary>
    public static bool IsValid(string? id) => id is { Length: 24 } && id.All(char.IsAsciiHexDigitLower);
}
