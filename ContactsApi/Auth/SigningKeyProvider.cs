using System.Security.Cryptography;
using System.Text;
using ContactsApi.Storage;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ContactsApi.Auth;

/// <summary>
/// The HS256 key: from configuration, or else a random 256-bit key made once and kept beside the
/// store. There is deliberately no built-in key, so no two deployments can ever share one by accident.
/// </summary>
public sealed class SigningKeyProvider
{
    public const string KeyFileName = "jwt-signing.key";

    public SigningKeyProvider(IOptions<JwtOptions> jwt, IOptions<StorageOptions> storage, ILogger<SigningKeyProvider> log)
    {
        var bytes = jwt.Value.SigningKey is { Length: > 0 } configured
            ? FromConfiguration(configured)
            : FromDataFolder(Path.GetFullPath(storage.Value.DataFolder), log);
        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] FromConfiguration(string value)
    {
        var bytes = TryBase64(value) ?? Encoding.UTF8.GetBytes(value);
        if (bytes.Length < 32)
            throw new OptionsValidationException(JwtOptions.Section, typeof(JwtOptions),
                ["Jwt:SigningKey must hold at least 32 bytes (256 bits) of secret."]);
        return bytes;
    }

    private static byte[] FromDataFolder(string folder, ILogger log)
    {
        var path = Path.Combine(folder, KeyFileName);
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());

        Directory.CreateDirectory(folder);
        var bytes = RandomNumberGenerator.GetBytes(32);
        try
        {
            // CreateNew: when two instances start at once on a shared folder, one key wins and both use it.
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var file = new FileStream(path, create);
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes)));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        log.LogWarning("Jwt:SigningKey is not set: generated a random signing key and kept it in {Path}. " +
                       "Set Jwt:SigningKey when several instances serve the same users.", path);
        return bytes;
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }
}
