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
    private const int MinimumBytes = 32;

    public SigningKeyProvider(IOptions<JwtOptions> jwt, IOptions<StorageOptions> storage, ILogger<SigningKeyProvider> log)
    {
        var bytes = jwt.Value.SigningKey is { Length: > 0 } configured
            ? FromConfiguration(configured)
            : FromDataFolder(storage.Value.DataFolder, log);
        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] FromConfiguration(string value)
    {
        var bytes = TryBase64(value) ?? Encoding.UTF8.GetBytes(value);
        if (bytes.Length < MinimumBytes)
            throw new OptionsValidationException(JwtOptions.Section, typeof(JwtOptions),
                ["Jwt:SigningKey must hold at least 32 bytes (256 bits) of secret."]);
        return bytes;
    }

    private static byte[] FromDataFolder(string folder, ILogger log)
    {
        var path = Path.Combine(folder, KeyFileName);
        if (File.Exists(path)) return ReadKeyFile(path);

        PrivateFiles.CreateFolder(folder);
        var bytes = RandomNumberGenerator.GetBytes(MinimumBytes);
        // Written whole under a private name, then moved into place without overwriting: an instance
        // starting at the same moment on a shared folder sees no key or a complete one, and one key wins.
        var temporary = Path.Combine(folder, $"{KeyFileName}.{Guid.NewGuid():N}.tmp");
        using (var file = new FileStream(temporary, PrivateFiles.NewFile())) file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes)));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return ReadKeyFile(path);
        }
        log.LogWarning("Jwt:SigningKey is not set: generated a random signing key and kept it in {Path}. " +
                       "Set Jwt:SigningKey when several instances serve the same users.", path);
        return bytes;
    }

    private static byte[] ReadKeyFile(string path)
    {
        var bytes = TryBase64(File.ReadAllText(path).Trim());
        return bytes ?? throw new InvalidOperationException(
            $"{path} does not hold a base64 key of at least 32 bytes; delete it to make a new one (every token then ends), or set Jwt:SigningKey.");
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= MinimumBytes ? buffer[..written] : null;
    }
}
