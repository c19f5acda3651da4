using Monitor.Core.Common;
namespace Monitor.Core.Groups.Compare;

/// <summary>The period's days and the UTC instant each starts (one more: the end of the last day).</summary>
internal sealed record ReportingDays(IReadOnlyList<DateOnly> Days, IReadOnlyList<DateTime> Starts)
{
    public static ReportingDays Of(ComparePeriod period, ReportingTimeZone zone)
    {
        var days = Enumerable.Range(0, period.Days).Select(i => period.From.AddDays(i)).ToList();
        return new ReportingDays(days, [.. days.Select(zone.StartOf), zone.StartOf(period.To.AddDays(1))]);
    }
}
