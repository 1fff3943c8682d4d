using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

internal static class SqliteCommands
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Each row read by <paramref name="read"/>; the reader is disposed, so the cached statement is reset for its next use.</summary>
    public static async Task<List<T>> ReadAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    /// <summary>As <see cref="ReadAsync{T}"/>, for the work done at start, before the service runs.</summary>
    public static List<T> Read<T>(this SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    public static long ToUnixMs(this DateTime time) => new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static DateTime FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    public static bool IsUniqueViolation(this SqliteException e) => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode == 2067;
}
