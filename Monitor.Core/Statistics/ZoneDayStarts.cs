using Monitor.Core.Common;

namespace Monitor.Core.Statistics;

/// <summary>
/// The UTC instants at which consecutive days of the reporting zone start, for bucketing in SQL: an instant belongs to
/// day i when it is at or after start i and before start i + 1, which is exactly <see cref="ReportingTimeZone.DayOf"/>.
/// </summary>
internal static class ZoneDayStarts
{
    /// <returns>The start of every day from <paramref name="first"/> to <paramref name="last"/>, then the start of the day after.</returns>
    public static IReadOnlyList<DateTime> Of(ReportingTimeZone zone, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var starts = new List<DateTime>();
        for (var day = first; day <= last.AddDays(1); day = day.AddDays(1))
        {
            starts.Add(FirstInstantOf(zone, day));
        }

        return starts;
    }

    // Where clocks go back at midnight, the local midnight happens twice and StartOf gives the second: the day starts
    // at the first one.
    private static DateTime FirstInstantOf(ReportingTimeZone zone, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (!zone.Zone.IsAmbiguousTime(midnight))
        {
            return zone.StartOf(day);
        }

        var offset = zone.Zone.GetAmbiguousTimeOffsets(midnight).Max();
        return DateTime.SpecifyKind(midnight - offset, DateTimeKind.Utc);
    }
}
