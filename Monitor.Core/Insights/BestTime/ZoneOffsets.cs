namespace Monitor.Core.Insights.BestTime;

/// <summary>
/// A time zone's offsets from UTC over a range of instants, as a few intervals (one per stretch between DST or rule
/// changes), found from <see cref="TimeZoneInfo"/> in C#. Joined to the posts as a small VALUES table, they let the database
/// turn a UTC posting time into local weekday and hour exactly across DST, without any time-zone support of its own
/// (SQLite has none).
/// </summary>
public static class ZoneOffsets
{
    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    /// <summary>The intervals covering [<paramref name="fromUtc"/>, <paramref name="toUtc"/>]; the first starts and the last ends unbounded.</summary>
    public static IReadOnlyList<ZoneOffsetInterval> Between(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = Seconds(fromUtc) - 86_400;
        var end = Seconds(toUtc) + 86_400;
        var intervals = new List<ZoneOffsetInterval>();
        var intervalStart = long.MinValue / 4;
        var offset = OffsetAt(zone, start);

        // Offsets change at most a few times a year and never twice within a day: probe daily, then find the second.
        for (var probe = start; probe < end;)
        {
            var next = Math.Min(probe + 86_400, end);
            if (OffsetAt(zone, next) != offset)
            {
                var change = FirstChange(zone, probe, next, offset);
                intervals.Add(new ZoneOffsetInterval(intervalStart, change, offset));
                intervalStart = change;
                offset = OffsetAt(zone, change);
                probe = change;
                continue;
            }

            probe = next;
        }

        intervals.Add(new ZoneOffsetInterval(intervalStart, long.MaxValue / 4, offset));
        return intervals;
    }

    /// <summary>The first second in (<paramref name="low"/>, <paramref name="high"/>] whose offset is not <paramref name="offset"/>.</summary>
    private static long FirstChange(TimeZoneInfo zone, long low, long high, long offset)
    {
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (OffsetAt(zone, middle) == offset)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    private static long OffsetAt(TimeZoneInfo zone, long seconds) =>
        (long)zone.GetUtcOffset(new DateTimeOffset(Epoch.AddSeconds(seconds))).TotalSeconds;

    private static long Seconds(DateTime utc) => (long)Math.Floor((DateTime.SpecifyKind(utc, DateTimeKind.Utc) - Epoch).TotalSeconds);
}
