namespace Monitor.Core.Common;

/// <summary>
/// The zone daily figures are counted in (<c>Monitoring:TimeZone</c>, an IANA or Windows id; UTC by default). A day is
/// the zone's calendar day, so a day across a DST change lasts 23 or 25 hours.
/// </summary>
public sealed class ReportingTimeZone(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public string Id => Zone.Id;

    public static bool IsKnown(string? id) =>
        string.IsNullOrWhiteSpace(id) || TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);

    public static ReportingTimeZone FromId(string? id) =>
        new(string.IsNullOrWhiteSpace(id) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id.Trim()));

    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The UTC instant the zone's <paramref name="day"/> starts (a skipped local midnight moves to the first valid time).</summary>
    public DateTime StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
