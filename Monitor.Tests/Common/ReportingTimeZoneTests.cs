using Monitor.Core.Common;
namespace Monitor.Tests.Common;

public sealed class ReportingTimeZoneTests
{
    private static readonly ReportingTimeZone Berlin = ReportingTimeZone.FromId("Europe/Berlin");

    [Theory]
    [InlineData("2026-10-24", 24)]
    [InlineData("2026-10-25", 25)] // clocks go back
    [InlineData("2026-03-29", 23)] // clocks go forward
    public void Day_AcrossDst_LastsItsLocalLength(string day, int hours)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromHours(hours), Berlin.StartOf(date.AddDays(1)) - Berlin.StartOf(date));
    }

    [Theory]
    [InlineData("2026-10-24T21:59:59Z", "2026-10-24")]
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")] // local midnight, still summer time
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")] // 23:59:59 local, winter time
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    public void DayOf_UtcInstant_IsTheLocalCalendarDay(string utc, string expected)
    {
        var instant = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Berlin.DayOf(instant));
    }

    [Fact]
    public void Known_UnknownZone_IsRefused()
    {
        Assert.True(ReportingTimeZone.IsKnown("UTC"));
        Assert.True(ReportingTimeZone.IsKnown(""));
        Assert.False(ReportingTimeZone.IsKnown("Mars/Olympus_Mons"));
    }
}
