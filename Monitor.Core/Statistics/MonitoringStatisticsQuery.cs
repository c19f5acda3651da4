using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.Statistics;

/// <summary>
/// Computes <see cref="MonitoringStatistics"/> from the monitoring log. The runs of the period are read once (a few
/// columns each) and bucketed in memory, which keeps day boundaries in the reporting zone exact across DST on both
/// databases.
/// </summary>
public sealed class MonitoringStatisticsQuery(IDbContextFactory<MonitorDbContext> contextFactory, ReportingTimeZone zone, TimeProvider time)
{
    public const int MaxDays = 366;
    public const int TopProfiles = 5;

    public async Task<MonitoringStatistics> GetAsync(int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var now = time.GetUtcNow().UtcDateTime;
        var today = zone.DayOf(now);
        var firstDay = today.AddDays(1 - days);
        var from = zone.StartOf(firstDay);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .Where(l => l.CompletedAt >= from && l.CompletedAt <= now && l.Status != MonitoringStatus.Pending && l.Status != MonitoringStatus.Running)
            .Select(l => new EndedRun(l.ProfileId, l.Profile!.Handle, l.Status, l.StartedAt, l.CompletedAt!.Value, l.RequestsMade))
            .ToListAsync(cancellationToken);
        var profilesTotal = await db.Profiles.CountAsync(cancellationToken);
        var profilesMonitored = await db.Profiles.CountAsync(p => p.MonitoringEnabled, cancellationToken);
        var posts = await db.Posts.LongCountAsync(cancellationToken);
        var (historyRows, historyEstimated) = await HistoryObservationCount.CountAsync(db, cancellationToken);

        var durations = runs.Where(r => r.Duration is not null).Select(r => r.Duration!.Value).Order().ToList();
        var completed = runs.Count(r => r.Status == MonitoringStatus.Completed);
        var failed = runs.Count(r => r.Status == MonitoringStatus.Failed);
        var interrupted = runs.Count - completed - failed;
        return new MonitoringStatistics(
            days, zone.Id, from, now, runs.Count, completed, failed, interrupted,
            runs.Count == 0 ? null : (double)completed / runs.Count,
            Percentiles.Of(durations, 50), Percentiles.Of(durations, 95),
            runs.Sum(r => (long)r.Requests), profilesMonitored, profilesTotal, posts, historyRows,
            PerDay(runs, firstDay, today),
            [.. ByProfile(runs).Where(p => p.MedianDurationSeconds is not null).OrderByDescending(p => p.MedianDurationSeconds).Take(TopProfiles)],
            [.. ByProfile(runs).Where(p => p.Failed > 0).OrderByDescending(p => p.Failed).ThenByDescending(p => (double)p.Failed / p.Runs).Take(TopProfiles)])
        {
            HistoryRowsEstimated = historyEstimated,
        };
    }

    private List<DailyRunStats> PerDay(List<EndedRun> runs, DateOnly firstDay, DateOnly today)
    {
        var byDay = runs.ToLookup(r => zone.DayOf(r.CompletedAt));
        var days = new List<DailyRunStats>();
        for (var day = firstDay; day <= today; day = day.AddDays(1))
        {
            var ended = byDay[day].ToList();
            var completed = ended.Count(r => r.Status == MonitoringStatus.Completed);
            var failed = ended.Count(r => r.Status == MonitoringStatus.Failed);
            days.Add(new DailyRunStats(day, completed, failed, ended.Count - completed - failed, ended.Sum(r => (long)r.Requests)));
        }

        return days;
    }

    private static IEnumerable<ProfileRunStats> ByProfile(List<EndedRun> runs) =>
        runs.GroupBy(r => (r.ProfileId, r.Handle)).Select(g =>
        {
            var durations = g.Where(r => r.Duration is not null).Select(r => r.Duration!.Value).Order().ToList();
            return new ProfileRunStats(g.Key.ProfileId, g.Key.Handle, g.Count(), g.Count(r => r.Status == MonitoringStatus.Failed),
                Percentiles.Of(durations, 50), durations.Count == 0 ? null : durations[^1]);
        });

    private sealed record EndedRun(Guid ProfileId, string Handle, MonitoringStatus Status, DateTime? StartedAt, DateTime CompletedAt, int Requests)
    {
        public double? Duration => StartedAt is { } start ? Math.Max(0, (CompletedAt - start).TotalSeconds) : null;
    }
}
