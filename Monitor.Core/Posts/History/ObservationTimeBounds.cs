namespace Monitor.Core.Posts.History;

/// <summary>
/// Bounds on an observation's time that also bound its span's start, which they imply (a span starts in its
/// observations' half month, never after them): PostgreSQL then reads only the partitions of the months concerned
/// instead of expanding the whole history (docs/history-storage.md, "Reading").
/// </summary>
public static class ObservationTimeBounds
{
    /// <summary>Observations at or after <paramref name="from"/>.</summary>
    public static IQueryable<TikTokPostMetricsHistory> RecordedFrom(this IQueryable<TikTokPostMetricsHistory> rows, DateTime from)
    {
        var firstAtFrom = HistoryPartitions.FirstAtFrom(from);
        return rows.Where(h => h.RecordedAt >= from && h.FirstAt >= firstAtFrom);
    }

    /// <summary>Observations before <paramref name="end"/>.</summary>
    public static IQueryable<TikTokPostMetricsHistory> RecordedBefore(this IQueryable<TikTokPostMetricsHistory> rows, DateTime end) =>
        rows.Where(h => h.RecordedAt < end && h.FirstAt < end);

    /// <summary>Observations at or before <paramref name="to"/>.</summary>
    public static IQueryable<TikTokPostMetricsHistory> RecordedUntil(this IQueryable<TikTokPostMetricsHistory> rows, DateTime to) =>
        rows.Where(h => h.RecordedAt <= to && h.FirstAt <= to);
}
