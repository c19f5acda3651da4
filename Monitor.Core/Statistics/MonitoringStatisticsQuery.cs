using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.Statistics;

/// <summary>
/// Computes <see cref="MonitoringStatistics"/> from the monitoring log. The runs of the period are aggregated in the
/// database (<see cref="EndedRunsSql"/>): by zone day, whose UTC bounds are computed here so that DST is cut alike on
/// both databases, and by profile; a year of runs for 10,000 profiles is 300,000 runs a month.
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

        // The reads are independent and each has a connection of its own, so they run side by side (a month at 10,000
        // profiles is 300,000 runs to aggregate three ways, and 3 M posts to count).
        var figures = new EndedRunFigures(contextFactory, from, now);
        var perDayRead = figures.PerDayAsync(ZoneDayStarts.Of(zone, firstDay, today), cancellationToken);
        var perProfileRead = figures.PerProfileAsync(cancellationToken);
        var durationsRead = figures.DurationsAtAsync([50, 95], cancellationToken);
        var countsRead = CountsAsync(cancellationToken);
        await Task.WhenAll(perDayRead, perProfileRead, durationsRead, countsRead);
        var perDay = PerDay(await perDayRead, firstDay, today);
        var rows = await perProfileRead;
        var durations = await durationsRead;
        var (profilesTotal, profilesMonitored, (posts, postsEstimated), (historyRows, historyEstimated)) = await countsRead;
        double? median = durations.TryGetValue(50, out var m) ? m : null;
        double? p95 = durations.TryGetValue(95, out var p) ? p : null;

        var runs = perDay.Sum(d => d.Runs);
        var completed = perDay.Sum(d => d.Completed);
        var failed = perDay.Sum(d => d.Failed);
        var profiles = rows.Select(r => new ProfileRunStats(r.ProfileId, r.Handle, (int)r.Runs, (int)r.Failed, r.MedianSeconds, r.MaxSeconds)).ToList();
        return new MonitoringStatistics(
            days, zone.Id, from, now, runs, completed, failed, runs - completed - failed,
            runs == 0 ? null : (double)completed / runs,
            median, p95, perDay.Sum(d => d.Requests), profilesMonitored, profilesTotal, posts, historyRows, perDay,
            [.. profiles.Where(p => p.MedianDurationSeconds is not null).OrderByDescending(p => p.MedianDurationSeconds).ThenBy(p => p.Handle, StringComparer.Ordinal).Take(TopProfiles)],
            [.. profiles.Where(p => p.Failed > 0).OrderByDescending(p => p.Failed).ThenByDescending(p => (double)p.Failed / p.Runs).ThenBy(p => p.Handle, StringComparer.Ordinal).Take(TopProfiles)])
        {
            HistoryRowsEstimated = historyEstimated,
            PostsTrackedEstimated = postsEstimated,
        };
    }

    private async Task<(int Profiles, int Monitored, (long, bool) Posts, (long, bool) HistoryRows)> CountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profiles = await db.Profiles.CountAsync(cancellationToken);
        var monitored = await db.Profiles.CountAsync(p => p.MonitoringEnabled, cancellationToken);
        var posts = await PostCount.CountAsync(db, cancellationToken);
        var history = await HistoryObservationCount.CountAsync(db, cancellationToken);
        return (profiles, monitored, posts, history);
    }

    private static List<DailyRunStats> PerDay(List<DayRunRow> rows, DateOnly firstDay, DateOnly today)
    {
        var byIndex = rows.ToDictionary(r => r.DayIndex);
        var days = new List<DailyRunStats>();
        for (var (day, i) = (firstDay, 0); day <= today; (day, i) = (day.AddDays(1), i + 1))
        {
            days.Add(byIndex.TryGetValue(i, out var r)
                ? new DailyRunStats(day, (int)r.Completed, (int)r.Failed, (int)(r.Runs - r.Completed - r.Failed), r.Requests)
                : new DailyRunStats(day, 0, 0, 0, 0));
        }

        return days;
    }
}
