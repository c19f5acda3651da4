using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.Summary;

/// <summary>Counts for <see cref="HomeSummary"/>, each one aggregate in the database.</summary>
public sealed class HomeSummaryQuery(
    IDbContextFactory<MonitorDbContext> contextFactory,
    CreditBudgetService credits,
    ReportingTimeZone zone,
    TimeProvider time)
{
    public async Task<HomeSummary> GetAsync(CancellationToken cancellationToken)
    {
        var today = zone.DayOf(time.GetUtcNow().UtcDateTime);
        var dayStart = zone.StartOf(today);
        var dayEnd = zone.StartOf(today.AddDays(1));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profiles = await db.Profiles.CountAsync(cancellationToken);
        var monitored = await db.Profiles.CountAsync(p => p.MonitoringEnabled, cancellationToken);
        var endedToday = db.Runs.Where(l => l.CompletedAt >= dayStart && l.CompletedAt < dayEnd
            && (l.Status == MonitoringStatus.Completed || l.Status == MonitoringStatus.Failed || l.Status == MonitoringStatus.Interrupted));
        var runs = await endedToday.CountAsync(cancellationToken);
        var failures = await endedToday.CountAsync(l => l.Status == MonitoringStatus.Failed, cancellationToken);
        var spent = (await credits.GetStatusAsync(cancellationToken)).SpentThisMonth;
        return new HomeSummary(profiles, monitored, runs, failures, spent, today, zone.Id, AppVersion.Informational);
    }
}
