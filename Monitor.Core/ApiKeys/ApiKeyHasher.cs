using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.ApiKeys;

/// <summary>
/// Keys are compared as SHA-256 hashes: every comparison is between two 32-byte values, so neither a key's length nor
/// its first differing character changes how long the comparison takes. A key is random (256 bits), so an unsalted
/// fast hash is enough; it only keeps the database from holding usable keys.
/// </summary>
public static class ApiKeyHasher
{
    public const int HashLength = 32;

    /// <summary>Longer values are refused before hashing: no real key is this long.</summary>
    public const int MaxKeyLength = 256;

    private const string Prefix = "tpm_";

    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>
    /// A presented key is refused outright when empty, too long, or padded with white space: a key sent as " key" is
    /// a different key, and accepting it would make the comparison something other than exact.
    /// </summary>
    public static bool IsWellFormed(string? presented) =>
        !string.IsNullOrEmpty(presented)
        && presented.Length <= MaxKeyLength
        && !char.IsWhiteSpace(presented[0])
        && !char.IsWhiteSpace(presented[^1]);

    public static bool Matches(string? presented, ReadOnlySpan<byte> expectedHash) =>
        IsWellFormed(presented) && CryptographicOperations.FixedTimeEquals(Hash(presented!), expectedHash);

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
