using ContactsApi.Common;
using ContactsApi.Users;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

public sealed class SqliteUserRepository(SqliteStore store) : IUserRepository
{
    internal const string Columns =
        "u.id, u.email, u.name, u.password_hash, u.subscription, u.avatar_url, u.is_active, u.is_admin, u.created_at, u.updated_at, u.failed_logins, u.lockout_end";

    public Task<UserWrite> AddAsync(User user, CancellationToken ct = default) =>
        store.WriteAsync(async (c, tx) =>
        {
            try
            {
                await Bind(c.Command("""
                    INSERT INTO users (id, email, name, password_hash, subscription, avatar_url, is_active, is_admin, created_at, updated_at)
                    VALUES ($id, $email, $name, $hash, $subscription, $avatar, $active, $admin, $created, $updated)
                    """, tx), user).ExecuteNonQueryAsync(ct);
                return UserWrite.Done;
            }
            catch (SqliteException e) when (e.IsUniqueViolation())
            {
                return UserWrite.EmailInUse;
            }
        }, ct);

    public Task<User?> FindByIdAsync(string id, CancellationToken ct = default) =>
        FindOneAsync("u.id = $value", id, ct);

    public Task<User?> FindByEmailAsync(string email, CancellationToken ct = default) =>
        FindOneAsync("u.email = $value", EmailAddress.Normalize(email), ct);

    public Task<(UserWrite Result, User? User)> UpdateAsync(string id, Func<User, User> change, CancellationToken ct = default) =>
        // The read, the change and the write share the write transaction: no other write lands in between.
        store.WriteAsync<(UserWrite, User?)>(async (c, tx) =>
        {
            var stored = await FindOneAsync(c, tx, "u.id = $value", id, ct);
            if (stored is null) return (UserWrite.NotFound, null);
            var updated = change.ApplyTo(stored);
            try
            {
                await Bind(c.Command("""
                    UPDATE users SET email = $email, name = $name, password_hash = $hash, subscription = $subscription,
                        avatar_url = $avatar, is_active = $active, is_admin = $admin, updated_at = $updated
                    WHERE id = $id
                    """, tx), updated).ExecuteNonQueryAsync(ct);
                return (UserWrite.Done, updated);
            }
            catch (SqliteException e) when (e.IsUniqueViolation())
            {
                return (UserWrite.EmailInUse, null);
            }
        }, ct);

    public Task RecordFailedLoginAsync(string id, int maxFailures, DateTime lockoutEnd, CancellationToken ct = default) =>
        // One statement, so concurrent failures each count; SET reads the row's values from before it.
        store.WriteAsync((c, tx) => c.Command("""
            UPDATE users SET
                failed_logins = CASE WHEN failed_logins + 1 >= $max THEN 0 ELSE failed_logins + 1 END,
                lockout_end   = CASE WHEN failed_logins + 1 >= $max THEN $end ELSE lockout_end END
            WHERE id = $id
            """, tx).With("$id", id).With("$max", maxFailures).With("$end", lockoutEnd.ToUnixMs()).ExecuteNonQueryAsync(ct), ct);

    public Task ResetFailedLoginsAsync(string id, CancellationToken ct = default) =>
        store.WriteAsync((c, tx) => c.Command("UPDATE users SET failed_logins = 0, lockout_end = NULL WHERE id = $id", tx)
            .With("$id", id).ExecuteNonQueryAsync(ct), ct);

    public Task<(IReadOnlyList<User> Users, long Total)> ListAsync(int skip, int limit, CancellationToken ct = default) =>
        store.ReadAsync(async c =>
        {
            var total = (long)(await c.Command("SELECT count(*) FROM users").ExecuteScalarAsync(ct))!;
            var users = await c.Command($"SELECT {Columns} FROM users u ORDER BY u.created_at, u.id LIMIT $limit OFFSET $skip")
                .With("$limit", limit).With("$skip", skip).ReadAsync(r => Read(r), ct);
            return ((IReadOnlyList<User>)users, total);
        }, ct);

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        // One transaction here, so there is no halfway state; the order matches the MongoDB store's.
        store.WriteAloneAsync(async (c, tx) =>
        {
            await c.Command("DELETE FROM sessions WHERE user_id = $id", tx).With("$id", id).ExecuteNonQueryAsync(ct);
            await c.Command("DELETE FROM app_passwords WHERE user_id = $id", tx).With("$id", id).ExecuteNonQueryAsync(ct);
            await c.Command("DELETE FROM contact_photos WHERE owner = $id", tx).With("$id", id).ExecuteNonQueryAsync(ct);
            await c.Command("DELETE FROM contacts WHERE owner = $id", tx).With("$id", id).ExecuteNonQueryAsync(ct);
            await c.Command("DELETE FROM contacts_trash WHERE owner = $id", tx).With("$id", id).ExecuteNonQueryAsync(ct);
            await c.Command("DELETE FROM contact_history WHERE owner = $id", tx).With("$id", id).ExecuteNonQueryAsync(ct);
            return await c.Command("DELETE FROM users WHERE id = $id", tx).With("$id", id).ExecuteNonQueryAsync(ct) == 1;
        }, ct, largeStatements: true);

    internal static User Read(SqliteDataReader r, int offset = 0) => new()
    {
        Id = r.GetString(offset),
        Email = r.GetString(offset + 1),
        Name = r.GetString(offset + 2),
        PasswordHash = r.GetString(offset + 3),
        Subscription = r.GetString(offset + 4),
        AvatarUrl = r.GetString(offset + 5),
        IsActive = r.GetBoolean(offset + 6),
        IsAdmin = r.GetBoolean(offset + 7),
        CreatedAt = SqliteCommands.FromUnixMs(r.GetInt64(offset + 8)),
        UpdatedAt = SqliteCommands.FromUnixMs(r.GetInt64(offset + 9)),
        FailedLogins = r.GetInt32(offset + 10),
        LockoutEnd = r.IsDBNull(offset + 11) ? null : SqliteCommands.FromUnixMs(r.GetInt64(offset + 11)),
    };

    private Task<User?> FindOneAsync(string where, string value, CancellationToken ct) =>
        store.ReadAsync(c => FindOneAsync(c, null, where, value, ct), ct);

    private static async Task<User?> FindOneAsync(CachedConnection c, SqliteTransaction? tx, string where, string value, CancellationToken ct)
        => (await c.Command($"SELECT {Columns} FROM users u WHERE {where}", tx)
            .With("$value", value).ReadAsync(r => Read(r), ct)).SingleOrDefault();

    private static SqliteCommand Bind(SqliteCommand command, User user) => command
        .With("$id", user.Id).With("$email", EmailAddress.Normalize(user.Email)).With("$name", user.Name).With("$hash", user.PasswordHash)
        .With("$subscription", user.Subscription).With("$avatar", user.AvatarUrl)
        .With("$active", user.IsActive).With("$admin", user.IsAdmin)
        .With("$created", user.CreatedAt.ToUnixMs()).With("$updated", user.UpdatedAt.ToUnixMs());
}
