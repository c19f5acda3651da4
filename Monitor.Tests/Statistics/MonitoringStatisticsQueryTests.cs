using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Common;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Statistics;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Statistics;

/// <summary>Statistics over seeded runs, on both databases, with days counted in Europe/Berlin across the end of summer time.</summary>
public abstract class MonitoringStatisticsQueryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    // 2026-10-26 12:00 in Berlin (winter time, UTC+1); the period of 3 days is 24, 25 (25 hours long) and 26 October.
    private static readonly DateTime Now = new(2026, 10, 26, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Statistics_SeededRuns_CountedByLocalDayAndOutcome()
    {
        var (fast, slow) = await SeedAsync();
        var query = new MonitoringStatisticsQuery(database.ContextFactory, ReportingTimeZone.FromId("Europe/Berlin"), new FakeTimeProvider(Now));

        var stats = await query.GetAsync(3, CancellationToken.None);

        Assert.Equal(new DateTime(2026, 10, 23, 22, 0, 0, DateTimeKind.Utc), stats.From);
        Assert.Equal(
            [new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 26)],
            stats.PerDay.Select(d => d.Date));
        Assert.Equal([(1, 0, 0), (2, 1, 0), (1, 1, 1)], stats.PerDay.Select(d => (d.Completed, d.Failed, d.Interrupted)));
        Assert.Equal((7, 4, 2, 1), (stats.Runs, stats.Completed, stats.Failed, stats.Interrupted));
        Assert.Equal(4.0 / 7, stats.SuccessRate!.Value, 6);
        Assert.Equal(70, stats.Requests);
        Assert.Equal(10, stats.MedianDurationSeconds);
        Assert.Equal(300, stats.P95DurationSeconds);
        Assert.Equal((2, 1), (stats.ProfilesTotal, stats.ProfilesMonitored));
        Assert.Equal(slow, stats.SlowestProfiles[0].ProfileId);
        Assert.Equal(fast, stats.MostFailingProfiles[0].ProfileId);
        Assert.Equal(2, stats.MostFailingProfiles[0].Failed);
    }

    [Fact]
    public async Task Statistics_NoRuns_ReportsEmptyDaysAndNoRate()
    {
        await database.MigrateAsync();
        var query = new MonitoringStatisticsQuery(database.ContextFactory, ReportingTimeZone.FromId("UTC"), new FakeTimeProvider(Now.AddYears(1)));

        var stats = await query.GetAsync(7, CancellationToken.None);

        Assert.Equal(7, stats.PerDay.Count);
        Assert.All(stats.PerDay, d => Assert.Equal(0, d.Runs));
        Assert.Null(stats.SuccessRate);
        Assert.Null(stats.MedianDurationSeconds);
    }

    private async Task<(Guid Fast, Guid Slow)> SeedAsync()
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        db.Profiles.RemoveRange(db.Profiles);
        await db.SaveChangesAsync();
        var fast = new TiktokProfile { Handle = "fast", MonitoringEnabled = true, CreatedAt = Now, UpdatedAt = Now };
        var slow = new TiktokProfile { Handle = "slow", CreatedAt = Now, UpdatedAt = Now };
        db.Profiles.AddRange(fast, slow);

        void Run(TiktokProfile profile, MonitoringStatus status, string endedUtc, int seconds, int requests = 10)
        {
            var ended = DateTime.Parse(endedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
            db.Runs.Add(EndedRun.Of(profile.Id, status, ended, seconds, requests));
        }

        Run(fast, MonitoringStatus.Completed, "2026-10-23T21:59:00Z", 10);  // 23 Oct local: before the period
        Run(fast, MonitoringStatus.Completed, "2026-10-24T21:30:00Z", 10);  // 24 Oct, 23:30 summer time
        Run(fast, MonitoringStatus.Completed, "2026-10-24T22:30:00Z", 10);  // 25 Oct, 00:30
        Run(fast, MonitoringStatus.Failed, "2026-10-25T12:00:00Z", 5);
        Run(slow, MonitoringStatus.Completed, "2026-10-25T22:59:00Z", 300); // 25 Oct, 23:59 winter time
        Run(fast, MonitoringStatus.Failed, "2026-10-25T23:00:00Z", 5);      // 26 Oct, 00:00
        Run(slow, MonitoringStatus.Completed, "2026-10-26T08:00:00Z", 200);
        Run(slow, MonitoringStatus.Interrupted, "2026-10-26T09:00:00Z", 20);
        db.Runs.Add(new MonitoringRun
        {
            ProfileId = slow.Id,
            Status = MonitoringStatus.Pending,
            Trigger = MonitoringTrigger.Manual,
            CreatedAt = Now,
            ScheduledFor = Now,
        });
        await db.SaveChangesAsync();
        return (fast.Id, slow.Id);
    }
}

public sealed class PostgresMonitoringStatisticsQueryTests(PostgresDatabase database) : MonitoringStatisticsQueryTests<PostgresDatabase>(database);

public sealed class SqliteMonitoringStatisticsQueryTests(SqliteDatabase database) : MonitoringStatisticsQueryTests<SqliteDatabase>(database);
