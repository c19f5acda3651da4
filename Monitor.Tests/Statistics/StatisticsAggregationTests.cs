using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Statistics;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Statistics;

/// <summary>
/// The statistics aggregated in the database: hand-computed figures across the start of summer time in Berlin
/// (fractions of a second, a run never started, a clock that went backwards), a workspace's own runs, and random runs
/// across the end of summer time against the figures of the same runs read into memory.
/// </summary>
public abstract class StatisticsAggregationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly ReportingTimeZone Berlin = ReportingTimeZone.FromId("Europe/Berlin");

    // 2026-03-30 12:00 in Berlin (summer time, UTC+2); 29 March lasts 23 hours.
    private static readonly DateTime SpringNow = new(2026, 3, 30, 10, 0, 0, DateTimeKind.Utc);

    // Started 2.0000001 s before it ended: PostgreSQL keeps microseconds (Npgsql truncates the start), SQLite ticks.
    private double Took20000001Ticks => database.Provider == DatabaseProvider.Postgres ? 2.000001 : 2.0000001;

    [Fact]
    public async Task Statistics_AcrossSpringForward_MatchHandComputedFigures()
    {
        var (alpha, beta) = await SeedSpringAsync();
        var query = new MonitoringStatisticsQuery(database.ContextFactory, Berlin, new FakeTimeProvider(SpringNow));

        var stats = await query.GetAsync(3, CancellationToken.None);

        Assert.Equal(At("2026-03-27T23:00:00Z"), stats.From);
        Assert.Equal([new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30)], stats.PerDay.Select(d => d.Date));
        Assert.Equal([(1, 1, 0, 4L), (2, 0, 0, 6L), (0, 1, 1, 5L)], stats.PerDay.Select(d => (d.Completed, d.Failed, d.Interrupted, d.Requests)));
        Assert.Equal((6, 3, 2, 1, 15L), (stats.Runs, stats.Completed, stats.Failed, stats.Interrupted, stats.Requests));
        Assert.Equal(0.5, stats.SuccessRate);
        Assert.Equal(1.5, stats.MedianDurationSeconds);
        Assert.Equal(7, stats.P95DurationSeconds);
        Assert.Equal(
            [new ProfileRunStats(alpha, "alpha", 3, 1, Took20000001Ticks, 7), new ProfileRunStats(beta, "beta", 3, 1, 0, 0.25)],
            stats.SlowestProfiles);
        Assert.Equal([alpha, beta], stats.MostFailingProfiles.Select(p => p.ProfileId));
    }

    [Fact]
    public async Task Statistics_RestrictedToAWorkspace_CountOnlyItsProfilesRuns()
    {
        var (alpha, _) = await SeedSpringAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Set<WorkspaceProfile>().Add(new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = alpha, AddedAt = SpringNow });
            await db.SaveChangesAsync();
        }

        var restricted = RestrictedContexts.Factory(database.ContextFactory, [WorkspaceDefaults.FirstId]);
        var query = new MonitoringStatisticsQuery(restricted, Berlin, new FakeTimeProvider(SpringNow));

        var stats = await query.GetAsync(3, CancellationToken.None);

        Assert.Equal((3, 2, 1, 12L), (stats.Runs, stats.Completed, stats.Failed, stats.Requests));
        Assert.Equal((Took20000001Ticks, 7.0), (stats.MedianDurationSeconds!.Value, stats.P95DurationSeconds!.Value));
        Assert.Equal([alpha], stats.SlowestProfiles.Select(p => p.ProfileId));
        Assert.Equal(1, stats.ProfilesTotal);
    }

    [Fact]
    public async Task Statistics_RandomRunsAcrossFallBack_SameAsTheRunsReadIntoMemory()
    {
        var now = new DateTime(2026, 11, 3, 9, 30, 0, DateTimeKind.Utc);
        await SeedRandomAsync(now);
        var query = new MonitoringStatisticsQuery(database.ContextFactory, Berlin, new FakeTimeProvider(now));

        var stats = await query.GetAsync(20, CancellationToken.None);

        var expected = await InMemoryFiguresAsync(now, 20);
        Assert.Equal(expected.PerDay, stats.PerDay);
        Assert.Equal(expected.Totals, (stats.Runs, stats.Completed, stats.Failed, stats.Interrupted, stats.Requests));
        Assert.Equal(expected.Median, stats.MedianDurationSeconds);
        Assert.Equal(expected.P95, stats.P95DurationSeconds);
        Assert.Equal(expected.Profiles.Where(p => p.MedianDurationSeconds is not null).OrderByDescending(p => p.MedianDurationSeconds).ThenBy(p => p.Handle, StringComparer.Ordinal).Take(5), stats.SlowestProfiles);
        Assert.Equal(expected.Profiles.Where(p => p.Failed > 0).OrderByDescending(p => p.Failed).ThenByDescending(p => (double)p.Failed / p.Runs).ThenBy(p => p.Handle, StringComparer.Ordinal).Take(5), stats.MostFailingProfiles);
    }

    private async Task<(Guid Alpha, Guid Beta)> SeedSpringAsync()
    {
        await database.ClearProfilesAsync();
        await using var db = database.CreateDbContext();
        var alpha = new TiktokProfile { Handle = "alpha", CreatedAt = SpringNow, UpdatedAt = SpringNow };
        var beta = new TiktokProfile { Handle = "beta", CreatedAt = SpringNow, UpdatedAt = SpringNow };
        db.Profiles.AddRange(alpha, beta);
        db.Runs.AddRange(
            Run(alpha, MonitoringStatus.Completed, At("2026-03-27T22:59:59.5Z"), TimeSpan.FromSeconds(1), 9),    // 27 March, before the period
            Run(alpha, MonitoringStatus.Completed, At("2026-03-27T23:00:00Z"), TimeSpan.FromSeconds(1.5), 3),    // 28 March, 00:00
            Run(beta, MonitoringStatus.Failed, At("2026-03-28T22:59:59.5Z"), TimeSpan.FromSeconds(0.25), 1),     // 28 March, 23:59:59.5
            Run(alpha, MonitoringStatus.Completed, At("2026-03-29T01:30:00Z"), TimeSpan.FromTicks(20_000_001), 4), // 29 March, 03:30 summer time
            Run(beta, MonitoringStatus.Completed, At("2026-03-29T21:59:00Z"), null, 2),                          // 29 March, 23:59, never started
            Run(beta, MonitoringStatus.Interrupted, At("2026-03-29T22:00:00Z"), TimeSpan.FromSeconds(-5), 0),    // 30 March, 00:00, started "after"
            Run(alpha, MonitoringStatus.Failed, At("2026-03-30T09:00:00Z"), TimeSpan.FromSeconds(7), 5),
            Run(alpha, MonitoringStatus.Completed, At("2026-03-30T10:00:01Z"), TimeSpan.FromSeconds(1), 9));     // after now
        await db.SaveChangesAsync();
        return (alpha.Id, beta.Id);
    }

    private async Task SeedRandomAsync(DateTime now)
    {
        await database.ClearProfilesAsync();
        var random = new Random(20);
        await using var db = database.CreateDbContext();
        var profiles = Enumerable.Range(0, 8).Select(i => new TiktokProfile { Handle = $"random{i}", CreatedAt = now, UpdatedAt = now }).ToList();
        db.Profiles.AddRange(profiles);
        MonitoringStatus[] statuses = [MonitoringStatus.Completed, MonitoringStatus.Completed, MonitoringStatus.Failed, MonitoringStatus.Interrupted];
        for (var i = 0; i < 400; i++)
        {
            var ended = now.AddTicks(-random.NextInt64(TimeSpan.FromDays(24).Ticks));
            var took = random.Next(10) == 0 ? (TimeSpan?)null : TimeSpan.FromTicks(random.NextInt64(-TimeSpan.TicksPerSecond, 600 * TimeSpan.TicksPerSecond));
            db.Runs.Add(Run(profiles[random.Next(profiles.Count)], statuses[random.Next(statuses.Length)], ended, took, random.Next(0, 40)));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The figures as they were computed before the aggregation moved into SQL: every run of the period read, bucketed here.</summary>
    private async Task<(List<DailyRunStats> PerDay, (int, int, int, int, long) Totals, double? Median, double? P95, List<ProfileRunStats> Profiles)> InMemoryFiguresAsync(DateTime now, int days)
    {
        var today = Berlin.DayOf(now);
        var firstDay = today.AddDays(1 - days);
        var from = Berlin.StartOf(firstDay);
        await using var db = database.CreateDbContext();
        var runs = await db.Runs.AsNoTracking()
            .Where(l => l.CompletedAt >= from && l.CompletedAt <= now && l.Status != MonitoringStatus.Pending && l.Status != MonitoringStatus.Running)
            .Select(l => new { l.ProfileId, l.Profile!.Handle, l.Status, l.StartedAt, CompletedAt = l.CompletedAt!.Value, l.RequestsMade })
            .ToListAsync();
        double? Duration(DateTime? start, DateTime end) => start is { } s ? Math.Max(0, (end - s).TotalSeconds) : null;
        var byDay = runs.ToLookup(r => Berlin.DayOf(r.CompletedAt));
        var perDay = new List<DailyRunStats>();
        for (var day = firstDay; day <= today; day = day.AddDays(1))
        {
            var ended = byDay[day].ToList();
            var c = ended.Count(r => r.Status == MonitoringStatus.Completed);
            var f = ended.Count(r => r.Status == MonitoringStatus.Failed);
            perDay.Add(new DailyRunStats(day, c, f, ended.Count - c - f, ended.Sum(r => (long)r.RequestsMade)));
        }

        var durations = runs.Select(r => Duration(r.StartedAt, r.CompletedAt)).OfType<double>().Order().ToList();
        var completed = runs.Count(r => r.Status == MonitoringStatus.Completed);
        var failed = runs.Count(r => r.Status == MonitoringStatus.Failed);
        var profiles = runs.GroupBy(r => (r.ProfileId, r.Handle)).Select(g =>
        {
            var sorted = g.Select(r => Duration(r.StartedAt, r.CompletedAt)).OfType<double>().Order().ToList();
            return new ProfileRunStats(g.Key.ProfileId, g.Key.Handle, g.Count(), g.Count(r => r.Status == MonitoringStatus.Failed),
                Percentiles.Of(sorted, 50), sorted.Count == 0 ? null : sorted[^1]);
        }).ToList();
        return (perDay, (runs.Count, completed, failed, runs.Count - completed - failed, runs.Sum(r => (long)r.RequestsMade)),
            Percentiles.Of(durations, 50), Percentiles.Of(durations, 95), profiles);
    }

    private static MonitoringRun Run(TiktokProfile profile, MonitoringStatus status, DateTime ended, TimeSpan? took, int requests) => new()
    {
        ProfileId = profile.Id,
        Status = status,
        Trigger = MonitoringTrigger.Scheduled,
        CreatedAt = ended.AddHours(-1),
        ScheduledFor = ended.AddHours(-1),
        StartedAt = took is { } t ? ended - t : null,
        CompletedAt = ended,
        RequestsMade = requests,
    };

    private static DateTime At(string utc) => DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}

public sealed class PostgresStatisticsAggregationTests(PostgresDatabase database) : StatisticsAggregationTests<PostgresDatabase>(database);

public sealed class SqliteStatisticsAggregationTests(SqliteDatabase database) : StatisticsAggregationTests<SqliteDatabase>(database);
