using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    // A command left undisposed keeps its prepared statement until the finalizer thread frees it, under
    // the mutex of a connection the pool has by then handed to another request (the bench's profile
    // showed it for every request). So the repositories run every command through one of these three.

    public static async Task<int> RunAsync(this SqliteCommand command, CancellationToken ct)
    {
        await using (command) return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<object?> ScalarAsync(this SqliteCommand command, CancellationToken ct)
    {
        await using (command) return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>Each row read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken ct)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
    }

    public static long ToUnixMs(this DateTime time) => new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static DateTime FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    public static bool IsUniqueViolation(this SqliteException e) => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode == 2067;
}
