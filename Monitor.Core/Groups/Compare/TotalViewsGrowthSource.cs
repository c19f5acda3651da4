using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
namespace Monitor.Core.Groups.Compare;

/// <summary>
/// The profiles' total views (the sum over their posts) as each completed run left them, from
/// <c>profile_metrics_history</c>; a suspect run's row is left out, as on the profile's own chart.
/// </summary>
internal sealed class TotalViewsGrowthSource(ReportingTimeZone zone) : IGrowthSeriesSource
{
    private const string Rows = """
        SELECT h.profile_id, h.recorded_at, h.id, h.total_views AS value
        FROM profile_metrics_history h
        LEFT JOIN profile_monitoring_logs l ON l.id = h.monitoring_log_id
        WHERE l.suspect_reason IS NULL
        """;

    public string Metric => "Total views";

    public string Explanation => "The sum of the views of each profile's posts, as its last completed run of the day left it.";

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DailyValue>>> ReadAsync(MonitorDbContext db, CompareScope scope, CancellationToken cancellationToken)
    {
        var days = ReportingDays.Of(scope.Period, zone);
        var rows = await db.Database
            .SqlQueryRaw<DailySeriesRow>(DailySeriesSql.LastOfDay(Rows, days.Days.Count), DailySeriesSql.Parameters(scope, days))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ProfileId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<DailyValue>)[.. g.OrderBy(r => r.DayIndex).Select(r => new DailyValue(days.Days[r.DayIndex], r.Value))]);
    }
}
