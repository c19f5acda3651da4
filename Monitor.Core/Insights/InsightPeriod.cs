using System.Globalization;

namespace Monitor.Core.Insights;

/// <summary>Posts published in [<see cref="From"/>, <see cref="To"/>) (UTC; an open end does not limit); posts without a posting time are never in a period.</summary>
public sealed record InsightPeriod(DateTime? From = null, DateTime? To = null)
{
    public static InsightPeriod AllTime { get; } = new();

    /// <summary>The last <paramref name="days"/> days up to <paramref name="nowUtc"/>.</summary>
    public static InsightPeriod LastDays(int days, DateTime nowUtc) => new(nowUtc.AddDays(-days), null);

    /// <summary>"posted 2026-01-01 – 2026-02-01 (UTC)", "posted since 2026-01-01 (UTC)", "all posts".</summary>
    public string Describe() => (From, To) switch
    {
        (null, null) => "all posts",
        ({ } from, null) => $"posted since {Day(from)} (UTC)",
        (null, { } to) => $"posted before {Day(to)} (UTC)",
        ({ } from, { } to) => $"posted {Day(from)} – {Day(to)} (UTC)",
    };

    private static string Day(DateTime utc) =>
        utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
