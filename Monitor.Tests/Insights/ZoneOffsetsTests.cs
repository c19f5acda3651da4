using Monitor.Core.Insights.BestTime;

namespace Monitor.Tests.Insights;

public sealed class ZoneOffsetsTests
{
    [Fact]
    public void Between_AYearInBerlin_TwoChangesToTheSecond()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var intervals = ZoneOffsets.Between(zone, new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal([3_600L, 7_200L, 3_600L], intervals.Select(i => i.OffsetSeconds));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), intervals[1].StartSeconds);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), intervals[2].StartSeconds);
        Assert.Equal(intervals[0].EndSeconds, intervals[1].StartSeconds);
        Assert.Equal(intervals[1].EndSeconds, intervals[2].StartSeconds);
    }

    [Fact]
    public void Between_Utc_OneUnboundedInterval()
    {
        var intervals = ZoneOffsets.Between(TimeZoneInfo.Utc, DateTime.UnixEpoch, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var only = Assert.Single(intervals);
        Assert.Equal(0, only.OffsetSeconds);
        Assert.True(only.StartSeconds < 0 && only.EndSeconds > 4_000_000_000);
    }
}
