using System.Text.RegularExpressions;
using MongoDB.Bson;

namespace ContactsApi.Common;

/// <summary>
/// Ids as the contract writes them: MongoDB ObjectIds as 24 lower-case hex characters, made by
/// MongoDB.Bson in both stores, so an id means the same in SQLite and in MongoDB.
/// </summary>
public static partial class ObjectIds
{
    /// <summary>The contract's form, as the OpenAPI document states it.</summary>
    public const string Pattern = "^[0-9a-f]{24}$";

    public static string New() => ObjectId.GenerateNewId().ToString();

    /// <summary>An id whose timestamp part is <paramref name="time"/> (ids made for data seeded in the past).</summary>
    public static string New(DateTimeOffset time) => ObjectId.GenerateNewId(time.UtcDateTime).ToString();

    /// <summary>
    /// The contract's check: exactly 24 lower-case hex characters. Stricter than
    /// <see cref="ObjectId.TryParse"/>, which also takes upper case, so one id has one spelling.
    /// </summary>
    public static bool IsValid(string? id) => id is { Length: 24 } && Form().IsMatch(id);

    // The length check above keeps out what .NET's $ also lets through: a final line feed.
    [GeneratedRegex(Pattern)]
    private static partial Regex Form();
}
