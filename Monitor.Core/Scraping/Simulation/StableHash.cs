using System.Text;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>
/// Hashes that stay the same across processes and .NET versions (unlike <see cref="string.GetHashCode()"/>), so a
/// simulated account looks the same after every restart.
/// </summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-8 bytes of the lower-cased text.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text.ToLowerInvariant()))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return Mix(hash, 0);
    }

    /// <summary>SplitMix64 finaliser of a seed and a salt: a well-spread value per (account, post, purpose).</summary>
    public static ulong Mix(ulong seed, long salt)
    {
        var z = seed + (0x9E3779B97F4A7C15UL * unchecked((ulong)salt + 1));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform value in [0, 1).</summary>
    public static double Unit(ulong seed, long salt) => (Mix(seed, salt) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [min, max].</summary>
    public static int Between(ulong seed, long salt, int min, int max) => min + (int)(Mix(seed, salt) % (ulong)(max - min + 1));
}
