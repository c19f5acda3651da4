using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Share;

/// <summary>
/// A link's secret: 256 random bits written as 43 URL-safe characters. Like API keys, only its SHA-256 is stored and
/// compared; the token is random, so an unsalted fast hash is enough to keep the database from holding usable links.
/// </summary>
public static class ShareToken
{
    public const int HashLength = 32;
    public const int Length = 43;

    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Anything but 43 URL-safe base64 characters is refused before a lookup: no real token looks different.</summary>
    public static bool IsWellFormed(string? presented) =>
        presented is { Length: Length } && presented.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }
}
