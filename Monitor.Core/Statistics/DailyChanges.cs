using Monitor.Core.Common;

namespace Monitor.Core.Statistics;

/// <summary>
/// A counter's snapshots turned into growth per day of the reporting zone: a day's change is its last value minus the
/// last value of the day before. A day has no figure (null, a gap in a chart) when it or the day before has no value, or
/// when the counter fell: a count TikTok corrects downwards, or a deleted and re-counted post, is not negative growth.
/// </summary>
public static class DailyChanges
{
    /// <param name="points">Snapshots in any order; a null value is an unknown one and is skipped.</param>
    /// <returns>Every day from the day after the first value to the day of the last, in order.</returns>
    public static IReadOnlyList<DailyChange> Compute(IEnumerable<(DateTime RecordedAt, long? Value)> points, ReportingTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(zone);
        var lastOfDay = new SortedDictionary<DateOnly, (DateTime At, long Value)>();
        foreach (var (recordedAt, value) in points)
        {
            if (value is not { } v)
            {
                continue;
            }

            var day = zone.DayOf(recordedAt);
            if (!lastOfDay.TryGetValue(day, out var last) || recordedAt >= last.At)
            {
                lastOfDay[day] = (recordedAt, v);
            }
        }

        if (lastOfDay.Count < 2)
        {
            return [];
        }

        var first = lastOfDay.Keys.First();
        var end = lastOfDay.Keys.Last();
        var changes = new List<DailyChange>();
        for (var day = first.AddDays(1); day <= end; day = day.AddDays(1))
        {
            long? change = lastOfDay.TryGetValue(day, out var today) && lastOfDay.TryGetValue(day.AddDays(-1), out var yesterday)
                && today.Value >= yesterday.Value
                ? today.Value - yesterday.Value
                : null;
            changes.Add(new DailyChange(day, change));
        }

        return changes;
    }
}
