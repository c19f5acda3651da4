using System.Security.Cryptography;

namespace Monitor.Core.Media;

/// <summary>The name of a stored image: SHA-256 of its bytes as 64 lower-case hex digits.</summary>
public static class MediaHash
{
    public const int Length = 64;

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Exactly 64 lower-case hex digits: anything else never names a blob (and never reaches a file path).</summary>
    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
