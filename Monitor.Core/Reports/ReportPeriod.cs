using System.Globalization;
using Monitor.Core.Common;
namespace Monitor.Core.Reports;

/// <summary>
/// A calendar week or month of a report's zone: the local days <see cref="Start"/> (included) to <see cref="End"/>
/// (excluded), i.e. the instants <see cref="StartUtc"/> to <see cref="EndUtc"/>. Each bound is converted on its own,
/// so a week across a DST change lasts 167 or 169 hours and a month is its real length.
/// </summary>
public sealed record ReportPeriod(ReportCadence Cadence, DateOnly Start, DateOnly End, string TimeZone, DateTime StartUtc, DateTime EndUtc)
{
    /// <summary>The last local day of the period (included).</summary>
    public DateOnly Last => End.AddDays(-1);

    public TimeSpan Length => EndUtc - StartUtc;

    /// <summary>The last complete period before the local day of <paramref name="nowUtc"/>.</summary>
    public static ReportPeriod LastComplete(ReportCadence cadence, ReportingTimeZone zone, DayOfWeek weekStart, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = zone.DayOf(nowUtc);
        var currentStart = cadence == ReportCadence.Weekly
            ? today.AddDays(-(((int)today.DayOfWeek - (int)weekStart + 7) % 7))
            : new DateOnly(today.Year, today.Month, 1);
        return Of(cadence, zone, cadence == ReportCadence.Weekly ? currentStart.AddDays(-7) : currentStart.AddMonths(-1));
    }

    /// <summary>The period of this cadence starting on <paramref name="start"/>.</summary>
    public static ReportPeriod Of(ReportCadence cadence, ReportingTimeZone zone, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var end = cadence == ReportCadence.Weekly ? start.AddDays(7) : start.AddMonths(1);
        return new ReportPeriod(cadence, start, end, zone.Id, zone.StartOf(start), zone.StartOf(end));
    }

    /// <summary>The period before this one, for comparison.</summary>
    public ReportPeriod Previous() =>
        Of(Cadence, ReportingTimeZone.FromId(TimeZone), Cadence == ReportCadence.Weekly ? Start.AddDays(-7) : Start.AddMonths(-1));

    /// <summary>The instant the report of this period may go out: the first day after it at <paramref name="sendHour"/> local time.</summary>
    public DateTime DueUtc(int sendHour)
    {
        var zone = ReportingTimeZone.FromId(TimeZone);
        var local = End.ToDateTime(new TimeOnly(sendHour, 0));
        while (zone.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone.Zone);
    }

    /// <summary>"Week 48, Mon 23 – Sun 29 Nov 2026 (Europe/Berlin)", "November 2026 (Europe/Berlin)".</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        if (Cadence == ReportCadence.Monthly)
        {
            return string.Create(c, $"{Start:MMMM yyyy} ({TimeZone})");
        }

        var first = Start.Year != Last.Year ? Start.ToString("ddd d MMM yyyy", c)
            : Start.Month != Last.Month ? Start.ToString("ddd d MMM", c)
            : Start.ToString("ddd d", c);
        var week = Start.DayOfWeek == DayOfWeek.Monday ? string.Create(c, $"Week {ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue))}, ") : "";
        return string.Create(c, $"{week}{first} – {Last.ToString("ddd d MMM yyyy", c)} ({TimeZone})");
    }

    /// <summary>"23 Nov – 29 Nov 2026": the short form for tables and subjects.</summary>
    public string DescribeShort() => Cadence == ReportCadence.Monthly
        ? Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Start:d MMM} – {Last:d MMM yyyy}");
}
