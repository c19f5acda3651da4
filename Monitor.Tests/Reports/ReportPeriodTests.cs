using Monitor.Core.Common;
using Monitor.Core.Reports;

namespace Monitor.Tests.Reports;

/// <summary>The calendar periods a report covers, across DST changes, month ends and leap years, in three kinds of zone.</summary>
public sealed class ReportPeriodTests
{
    public static TheoryData<string, string, string, string, string, string, double> Weeks => new()
    {
        // zone, now (UTC), week start, expected first day, expected UTC start, expected UTC end, hours
        { "Europe/Berlin", "2026-12-02T10:00:00Z", "Monday", "2026-11-23", "2026-11-22T23:00:00Z", "2026-11-29T23:00:00Z", 168 },
        // The week of the autumn change (Sun 25 Oct 2026) has an hour more; the spring one (Sun 29 Mar 2026) an hour less.
        { "Europe/Berlin", "2026-10-28T10:00:00Z", "Monday", "2026-10-19", "2026-10-18T22:00:00Z", "2026-10-25T23:00:00Z", 169 },
        { "Europe/Berlin", "2026-04-01T10:00:00Z", "Monday", "2026-03-23", "2026-03-22T23:00:00Z", "2026-03-29T22:00:00Z", 167 },
        // New York: spring forward Sun 8 Mar 2026, fall back Sun 1 Nov 2026.
        { "America/New_York", "2026-03-11T15:00:00Z", "Monday", "2026-03-02", "2026-03-02T05:00:00Z", "2026-03-09T04:00:00Z", 167 },
        { "America/New_York", "2026-11-04T15:00:00Z", "Monday", "2026-10-26", "2026-10-26T04:00:00Z", "2026-11-02T05:00:00Z", 169 },
        // A week starting on Sunday, with the change inside it.
        { "America/New_York", "2026-11-04T15:00:00Z", "Sunday", "2026-10-25", "2026-10-25T04:00:00Z", "2026-11-01T04:00:00Z", 168 },
        { "America/New_York", "2026-11-10T15:00:00Z", "Sunday", "2026-11-01", "2026-11-01T04:00:00Z", "2026-11-08T05:00:00Z", 169 },
        // No DST: always 168 hours; the local day turns before UTC's.
        { "Asia/Kolkata", "2026-10-28T10:00:00Z", "Monday", "2026-10-19", "2026-10-18T18:30:00Z", "2026-10-25T18:30:00Z", 168 },
        { "Asia/Kolkata", "2026-11-29T19:00:00Z", "Monday", "2026-11-23", "2026-11-22T18:30:00Z", "2026-11-29T18:30:00Z", 168 },
        // One minute before Berlin's Monday the last complete week is still the one before.
        { "Europe/Berlin", "2026-11-29T22:59:00Z", "Monday", "2026-11-16", "2026-11-15T23:00:00Z", "2026-11-22T23:00:00Z", 168 },
        { "Europe/Berlin", "2026-11-29T23:00:00Z", "Monday", "2026-11-23", "2026-11-22T23:00:00Z", "2026-11-29T23:00:00Z", 168 },
    };

    public static TheoryData<string, string, string, string, string, double> Months => new()
    {
        // zone, now (UTC), first day, UTC start, UTC end, hours
        { "Europe/Berlin", "2026-04-10T00:00:00Z", "2026-03-01", "2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z", (31 * 24) - 1 },
        { "Europe/Berlin", "2026-11-01T00:00:00Z", "2026-10-01", "2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z", (31 * 24) + 1 },
        { "Europe/Berlin", "2028-03-05T12:00:00Z", "2028-02-01", "2028-01-31T23:00:00Z", "2028-02-29T23:00:00Z", 29 * 24 },
        { "America/New_York", "2027-03-01T12:00:00Z", "2027-02-01", "2027-02-01T05:00:00Z", "2027-03-01T05:00:00Z", 28 * 24 },
        { "Asia/Kolkata", "2027-01-01T00:00:00Z", "2026-12-01", "2026-11-30T18:30:00Z", "2026-12-31T18:30:00Z", 31 * 24 },
        // At 00:00 UTC on 1 Jan it is still 31 Dec in New York: December is not complete yet.
        { "America/New_York", "2027-01-01T00:00:00Z", "2026-11-01", "2026-11-01T04:00:00Z", "2026-12-01T05:00:00Z", (30 * 24) + 1 },
    };

    [Theory]
    [MemberData(nameof(Weeks))]
    public void LastComplete_Week_IsTheCalendarWeekInTheZone(string zone, string now, string weekStart, string first, string startUtc, string endUtc, double hours)
    {
        var period = ReportPeriod.LastComplete(ReportCadence.Weekly, ReportingTimeZone.FromId(zone), Enum.Parse<DayOfWeek>(weekStart), Utc(now));

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(period.Start.AddDays(7), period.End);
        Assert.Equal(Utc(startUtc), period.StartUtc);
        Assert.Equal(Utc(endUtc), period.EndUtc);
        Assert.Equal(hours, period.Length.TotalHours);
        Assert.Equal(period.Start.AddDays(-7), period.Previous().Start);
        Assert.Equal(period.StartUtc, period.Previous().EndUtc);
    }

    [Theory]
    [MemberData(nameof(Months))]
    public void LastComplete_Month_IsTheCalendarMonthInTheZone(string zone, string now, string first, string startUtc, string endUtc, double hours)
    {
        var period = ReportPeriod.LastComplete(ReportCadence.Monthly, ReportingTimeZone.FromId(zone), DayOfWeek.Monday, Utc(now));

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(period.Start.AddMonths(1), period.End);
        Assert.Equal(Utc(startUtc), period.StartUtc);
        Assert.Equal(Utc(endUtc), period.EndUtc);
        Assert.Equal(hours, period.Length.TotalHours);
        Assert.Equal(period.StartUtc, period.Previous().EndUtc);
    }

    [Fact]
    public void Previous_OfMarchInALeapYear_IsTwentyNineDaysOfFebruary()
    {
        var march = ReportPeriod.Of(ReportCadence.Monthly, ReportingTimeZone.FromId("Europe/Berlin"), new DateOnly(2028, 3, 1));

        var february = march.Previous();

        Assert.Equal(new DateOnly(2028, 2, 1), february.Start);
        Assert.Equal(new DateOnly(2028, 2, 29), february.Last);
    }

    [Theory]
    [InlineData("2026-11-23", "Europe/Berlin", "Week 48, Mon 23 – Sun 29 Nov 2026 (Europe/Berlin)")]
    [InlineData("2026-11-30", "UTC", "Week 49, Mon 30 Nov – Sun 6 Dec 2026 (UTC)")]
    [InlineData("2026-12-28", "UTC", "Week 53, Mon 28 Dec 2026 – Sun 3 Jan 2027 (UTC)")]
    [InlineData("2026-11-22", "America/New_York", "Sun 22 – Sat 28 Nov 2026 (America/New_York)")]
    public void Describe_Week_NamesTheWeekItsDaysAndTheZone(string start, string zone, string expected)
    {
        var period = ReportPeriod.Of(ReportCadence.Weekly, ReportingTimeZone.FromId(zone), DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, period.Describe());
    }

    [Fact]
    public void Describe_Month_NamesTheMonthAndTheZone() =>
        Assert.Equal("February 2028 (Europe/Berlin)", ReportPeriod.Of(ReportCadence.Monthly, ReportingTimeZone.FromId("Europe/Berlin"), new DateOnly(2028, 2, 1)).Describe());

    [Theory]
    [InlineData("Europe/Berlin", "2026-11-23", 8, "2026-11-30T07:00:00Z")]
    [InlineData("Europe/Berlin", "2026-10-19", 8, "2026-10-26T07:00:00Z")]
    [InlineData("America/New_York", "2026-03-02", 2, "2026-03-09T06:00:00Z")]
    [InlineData("America/New_York", "2026-03-01", 2, "2026-03-08T07:00:00Z")]
    public void DueUtc_IsTheSendHourOnTheDayAfterThePeriod(string zone, string start, int hour, string expected)
    {
        var period = ReportPeriod.Of(ReportCadence.Weekly, ReportingTimeZone.FromId(zone), DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Utc(expected), period.DueUtc(hour));
    }

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
