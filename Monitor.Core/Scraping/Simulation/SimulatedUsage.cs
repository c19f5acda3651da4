using System.Collections.Concurrent;
using System.Text.Json;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>
/// The simulated account's own count of what it served, per UTC day, so its usage report agrees with the ledger
/// (process-wide, like the real provider's: the client factory rotates handler instances).
/// </summary>
internal static class SimulatedUsage
{
    public const long StartingBalance = 100_000;

    private static readonly ConcurrentDictionary<DateOnly, long> RequestsPerDay = new();

    public static void Count(DateTimeOffset at) => RequestsPerDay.AddOrUpdate(DateOnly.FromDateTime(at.UtcDateTime), 1, (_, n) => n + 1);

    public static byte[] Balance() => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["success"] = true,
        ["creditCount"] = Math.Max(0, StartingBalance - RequestsPerDay.Values.Sum()),
    });

    /// <summary>The last 30 days up to <paramref name="now"/>, days without requests left out (as the provider's sample does).</summary>
    public static byte[] DailyUsage(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rows = RequestsPerDay.Where(d => d.Key > today.AddDays(-30) && d.Key <= today).OrderBy(d => d.Key)
            .Select(d => new Dictionary<string, object> { ["usage_date"] = d.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["total_credits"] = d.Value, ["request_count"] = d.Value })
            .ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["success"] = true, ["data"] = rows });
    }
}
