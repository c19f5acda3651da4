using Microsoft.EntityFrameworkCore;
using Monitor.Core.Catalog;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Core.Reports;

namespace Monitor.Core.Share;

/// <summary>
/// Reads what an opened link covers, by the link's own target only: the report builder's figures (one set-based
/// statement each), the profile's totals as the profile page shows them, or a sent report's description.
/// </summary>
public sealed class SharedDashboardBuilder(
    IDbContextFactory<MonitorDbContext> contextFactory,
    ProfileService profiles,
    ProfileHistoryQueries history,
    ReportContentBuilder reports,
    ReportingTimeZone zone,
    TimeProvider time)
{
    /// <returns>Null when the target is gone (deleted, or a sent report past its keeping time).</returns>
    public async Task<SharedDashboard?> BuildAsync(OpenedShareLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var now = time.GetUtcNow().UtcDateTime;
        return link.TargetKind switch
        {
            ShareTargetKind.Profile => await ProfileAsync(link.TargetId, now, cancellationToken),
            ShareTargetKind.Group => await GroupAsync(link.TargetId, now, cancellationToken),
            _ => await ReportAsync(link.TargetId, now, cancellationToken),
        };
    }

    private async Task<SharedDashboard?> ProfileAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(id, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var previous = await history.PreviousTotalsAsync(id, cancellationToken);
        var figures = new List<SharedFigure>
        {
            new("followers", "Followers", "Followers as the latest run read them.", profile.FollowerCount, null),
            new("posts", "Posts", "Posts the monitor has seen on the profile.", profile.TotalPosts, profile.TotalPosts - previous?.TotalPosts),
        };
        foreach (var metric in PostMetrics.All)
        {
            var value = metric.Get(profile.Totals);
            figures.Add(new(metric.Column, $"Total {metric.Name.ToLowerInvariant()}", $"{metric.Name} summed over the profile's posts, at the latest run.",
                value, value - (previous is null ? null : metric.Get(previous.Totals))));
        }

        var content = await MonthSoFarAsync(new ReportDefinition { Name = "@" + profile.Handle, ProfileId = id, TimeZone = zone.Id }, now, cancellationToken);
        return content is null ? null : new SharedDashboard(ShareTargetKind.Profile, "@" + profile.Handle, profile.Nickname, now, zone.Id,
            figures, profile.LastMonitoringRun, content, ReportImages.Draw(content), null);
    }

    private async Task<SharedDashboard?> GroupAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var content = await MonthSoFarAsync(new ReportDefinition { Name = "group", GroupId = id, TimeZone = zone.Id }, now, cancellationToken);
        return content is null ? null : new SharedDashboard(ShareTargetKind.Group, content.SubjectName, "Group of profiles", now, zone.Id,
            [], null, content, ReportImages.Draw(content), null);
    }

    private async Task<SharedDashboard?> ReportAsync(Guid sentId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sent = await db.Set<SentReport>().AsNoTracking().Where(r => r.Id == sentId && r.ExpiresAt > now)
            .Select(r => new
            {
                r.Cadence,
                r.TimeZone,
                r.PeriodStart,
                r.CreatedAt,
                Bytes = (long)r.Pdf.Length,
                Name = db.Set<ReportDefinition>().Where(d => d.Id == r.DefinitionId).Select(d => d.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (sent is null)
        {
            return null;
        }

        var period = ReportPeriod.Of(sent.Cadence, ReportingTimeZone.FromId(sent.TimeZone), sent.PeriodStart);
        var name = sent.Name ?? "Report";
        return new SharedDashboard(ShareTargetKind.Report, name, period.Describe(), now, sent.TimeZone, [], null, null, null,
            new SharedReportFile(name, period.Describe(), sent.CreatedAt, sent.Bytes));
    }

    /// <summary>
    /// This calendar month so far (its days up to today, in Monitoring:TimeZone) against the whole month before: what a
    /// client asks first. The period ends after today, so no day to come is drawn as if it had been counted.
    /// </summary>
    private Task<ReportContent?> MonthSoFarAsync(ReportDefinition definition, DateTime now, CancellationToken cancellationToken)
    {
        var today = zone.DayOf(now);
        var tomorrow = today.AddDays(1);
        definition.Cadence = ReportCadence.Monthly;
        var month = ReportPeriod.Of(ReportCadence.Monthly, zone, new DateOnly(today.Year, today.Month, 1));
        return reports.BuildAsync(definition, month with { End = tomorrow, EndUtc = zone.StartOf(tomorrow) }, cancellationToken);
    }
}
