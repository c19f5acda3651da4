namespace Monitor.Core.Posts.History;

/// <summary>
/// When an observation extends its post's open span (docs/history-storage.md). A span never crosses the 1st or the 16th
/// of a month (UTC), so its repeats' millisecond offsets fit an int and it lies inside its month's partition; the
/// PostgreSQL writer and the conversion apply the same rule in SQL (<c>post_history_half_month</c>).
/// </summary>
public static class HistorySpanRules
{
    public static DateTime HalfMonthStart(DateTime at) => new(at.Year, at.Month, at.Day >= 16 ? 16 : 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The repeat's offset from its span's first observation, in whole milliseconds.</summary>
    public static int OffsetMilliseconds(DateTime firstAt, DateTime at) => (int)Math.Round((at - firstAt).TotalMilliseconds);
}
