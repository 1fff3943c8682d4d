using ContactsApi.AppPasswords;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

public sealed class SqliteAppPasswordRepository(SqliteStore store) : IAppPasswordRepository
{
    public Task<bool> AddAsync(AppPassword password, int max, CancellationToken ct = default) =>
        // The count and the insert in one statement of the one writer, so two at once can't pass the bound together.
        store.WriteAsync(async (c, tx) => await c.Command("""
                INSERT INTO app_passwords (id, user_id, name, hash, created_at)
                SELECT $id, $user, $name, $hash, $created
                WHERE (SELECT count(*) FROM app_passwords WHERE user_id = $user) < $max
                """, tx)
            .With("$id", password.Id).With("$user", password.UserId).With("$name", password.Name).With("$hash", password.Hash)
            .With("$created", password.CreatedAt.ToUnixMs()).With("$max", max)
            .ExecuteNonQueryAsync(ct) == 1, ct);

    public Task<IReadOnlyList<AppPassword>> ListAsync(string userId, CancellationToken ct = default) =>
        store.ReadAsync(async c => (IReadOnlyList<AppPassword>)await c.Command("""
                SELECT id, user_id, name, hash, created_at FROM app_passwords WHERE user_id = $user ORDER BY created_at, id
                """).With("$user", userId).ReadAsync(Read, ct), ct);

    public Task<bool> DeleteAsync(string userId, string id, CancellationToken ct = default) =>
        store.WriteAsync(async (c, tx) => await c.Command("DELETE FROM app_passwords WHERE id = $id AND user_id = $user", tx)
            .With("$id", id).With("$user", userId).ExecuteNonQueryAsync(ct) == 1, ct);

    private static AppPassword Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), SqliteCommands.FromUnixMs(r.GetInt64(4)));
}
