namespace Monitor.Core.Posts.History;

/// <summary>
/// Which observations of one post the history keeps at a given moment. A day (or week) is compacted only once all of it
/// has passed the tier's age, so a period is never half compacted; what is kept of a period is its last observation, at
/// its own time (the figures a daily or weekly chart shows as the period's close). Days and weeks are those of
/// <c>Monitoring:TimeZone</c>, like the daily changes'. Compacting is monotone: what is kept at a later moment is always a
/// subset of what was kept before, so a compaction interrupted and run again, or run twice, ends the same.
/// </summary>
public sealed class HistoryTierPolicy(HistoryOptions options, TimeZoneInfo zone)
{
    /// <summary>The resolution the observation made at <paramref name="observedAt"/> (UTC) is kept at, at <paramref name="now"/>.</summary>
    public HistoryResolution ResolutionOf(DateTime observedAt, DateTime now)
    {
        if (!options.Compaction)
        {
            return HistoryResolution.Raw;
        }

        if (PeriodStart(observedAt, HistoryResolution.Weekly).AddDays(7) <= DaysAgo(now, options.WeeklyAfterDays))
        {
            return HistoryResolution.Weekly;
        }

        return PeriodStart(observedAt, HistoryResolution.Daily).AddDays(1) <= DaysAgo(now, options.RawDays)
            ? HistoryResolution.Daily
            : HistoryResolution.Raw;
    }

    /// <summary>The observations (UTC) of one post kept at <paramref name="now"/>, ascending.</summary>
    public IReadOnlyList<DateTime> Kept(IEnumerable<DateTime> observations, DateTime now) =>
        [.. observations
            .Distinct()
            .GroupBy(at => ResolutionOf(at, now) switch
            {
                HistoryResolution.Raw => (HistoryResolution.Raw, at),
                var resolution => (resolution, PeriodStart(at, resolution)),
            })
            .Select(period => period.Max())
            .Order()];

    /// <summary>The start (as the zone's local time, unspecified kind) of the day or week holding <paramref name="observedAt"/>.</summary>
    public DateTime PeriodStart(DateTime observedAt, HistoryResolution resolution)
    {
        var day = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(observedAt, DateTimeKind.Utc), zone).Date;
        return resolution == HistoryResolution.Weekly ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
    }

    /// <summary>The zone's local midnight <paramref name="days"/> whole days before <paramref name="now"/>'s local day.</summary>
    private DateTime DaysAgo(DateTime now, int days) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), zone).Date.AddDays(-days);
}
