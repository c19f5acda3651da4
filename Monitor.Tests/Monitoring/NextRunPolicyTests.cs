using Monitor.Core.Monitoring.Runs;

namespace Monitor.Tests.Monitoring;

public sealed class NextRunPolicyTests
{
    [Theory]
    // Hourly sweep: due times round up to the next whole hour, a whole hour stays.
    [InlineData("0 0 * * * ?", "2026-11-27T14:05:10Z", 24, "2026-11-28T15:00:00Z")]
    [InlineData("0 0 * * * ?", "2026-11-27T14:00:00Z", 24, "2026-11-28T14:00:00Z")]
    [InlineData("0 0 * * * ?", "2026-11-27T23:59:59Z", 1, "2026-11-28T01:00:00Z")]
    // A sweep every 15 minutes, or every second (as tests use).
    [InlineData("0 0/15 * * * ?", "2026-11-27T14:05:10Z", 24, "2026-11-28T14:15:00Z")]
    [InlineData("0/1 * * * * ?", "2026-11-27T14:05:10.5Z", 2, "2026-11-27T16:05:11Z")]
    public void NextRun_LastRunIntervalAndSweep_IsTheFirstSweepAtOrAfterTheDueTime(string cron, string lastRun, int intervalHours, string expected)
    {
        var policy = new NextRunPolicy(cron);

        var next = policy.NextRun(DateTime.Parse(lastRun, null, System.Globalization.DateTimeStyles.AdjustToUniversal), intervalHours);

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), next);
        Assert.Equal(DateTimeKind.Utc, next.Kind);
    }
}
