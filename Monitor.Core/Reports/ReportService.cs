using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Core.Notifications;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Reports;

/// <summary>
/// Report definitions and their stored reports, for the page, the API and the schedule alike. Every report query goes
/// through here (<see cref="Definitions"/>, <see cref="Stored"/>): the one place a workspace scope will filter.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<MonitorDbContext> contextFactory,
    ReportContentBuilder builder,
    ReportDelivery delivery,
    WorkspaceScopeAccessor workspaces,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ReportView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ViewsAsync(db, Definitions(db), cancellationToken);
    }

    public async Task<ReportChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profiles = await db.Profiles.AsNoTracking().OrderBy(p => p.Handle).Select(p => new { p.Id, p.Handle }).ToListAsync(cancellationToken);
        var groups = await db.ProfileGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.Kind == Notifications.NotificationChannelKind.Email)
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return new ReportChoices([.. profiles.Select(p => (p.Id, "@" + p.Handle))], [.. groups.Select(g => (g.Id, g.Name))],
            [.. channels.Select(c => (c.Id, c.Name))]);
    }

    public async Task<ReportView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await ViewsAsync(db, Definitions(db).Where(d => d.Id == id), cancellationToken)).SingleOrDefault();
    }

    public async Task<ReportResult> CreateAsync(ReportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var definition = new ReportDefinition { Name = string.Empty, TimeZone = "UTC", WorkspaceId = workspaces.Effective.TargetWorkspaceId };
        var errors = await ReportValidator.ApplyAsync(db, input, definition, cancellationToken);
        if (errors.Count > 0)
        {
            return ReportResult.Invalid(errors);
        }

        definition.CreatedAt = definition.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Add(definition);
        await db.SaveChangesAsync(cancellationToken);
        return new ReportResult(ReportProblem.None, await GetAsync(definition.Id, cancellationToken));
    }

    public async Task<ReportResult> UpdateAsync(Guid id, ReportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var definition = await Definitions(db).AsTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (definition is null)
        {
            return ReportResult.NoReport(id);
        }

        var errors = await ReportValidator.ApplyAsync(db, input, definition, cancellationToken);
        if (errors.Count > 0)
        {
            return ReportResult.Invalid(errors);
        }

        definition.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new ReportResult(ReportProblem.None, await GetAsync(id, cancellationToken));
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await Stored(db).Where(r => r.DefinitionId == id).ExecuteDeleteAsync(cancellationToken);
        return await Definitions(db).Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>The report of the last complete period, rendered but neither stored nor emailed.</summary>
    public async Task<(ReportResult Result, RenderedReport? Report)> PreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var definition = await Definitions(db).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (definition is null)
        {
            return (ReportResult.NoReport(id), null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var period = ReportPeriod.LastComplete(definition.Cadence, ReportingTimeZone.FromId(definition.TimeZone), definition.WeekStart, now);
        var content = await builder.BuildAsync(definition, period, cancellationToken);
        return content is null ? (ReportResult.SubjectGone(), null) : (new ReportResult(ReportProblem.None), RenderedReport.Render(content, now));
    }

    /// <summary>Builds, stores and emails the last complete period's report now (again, if it was already sent).</summary>
    public Task<ReportResult> SendNowAsync(Guid id, CancellationToken cancellationToken) => delivery.DeliverAsync(id, null, resend: true, cancellationToken);

    /// <returns>The definition's reports still kept, newest period first; null for an unknown definition.</returns>
    public async Task<IReadOnlyList<SentReportView>?> ListSentAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await Definitions(db).AnyAsync(d => d.Id == id, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = await Stored(db).Where(r => r.DefinitionId == id && r.ExpiresAt > now).OrderByDescending(r => r.PeriodStart)
            .Select(r => new
            {
                Report = new SentReport
                {
                    Id = r.Id,
                    DefinitionId = r.DefinitionId,
                    Cadence = r.Cadence,
                    PeriodStart = r.PeriodStart,
                    PeriodEnd = r.PeriodEnd,
                    TimeZone = r.TimeZone,
                    CreatedAt = r.CreatedAt,
                    EmailStatus = r.EmailStatus,
                    EmailError = r.EmailError,
                    EmailedAt = r.EmailedAt,
                    ExpiresAt = r.ExpiresAt,
                    EmailAttempts = r.EmailAttempts,
                    Pdf = Array.Empty<byte>()
                },
                Size = (long)r.Pdf.Length
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => ToView(r.Report, r.Size))];
    }

    /// <returns>The PDF and its file name, or null when there is no such report or it expired.</returns>
    public async Task<(byte[] Pdf, string FileName)?> SentPdfAsync(Guid sentId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await Stored(db).Where(r => r.Id == sentId && r.ExpiresAt > now)
            .Select(r => new { r.Pdf, r.PeriodStart, Name = Definitions(db).Where(d => d.Id == r.DefinitionId).Select(d => d.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Pdf, ReportFormat.FileName(row.Name, row.PeriodStart));
    }

    internal static SentReportView ToView(SentReport r, long size)
    {
        var period = ReportPeriod.Of(r.Cadence, ReportingTimeZone.FromId(r.TimeZone), r.PeriodStart);
        return new SentReportView(r.Id, r.DefinitionId, r.PeriodStart, r.PeriodEnd, r.TimeZone, period.Describe(), r.CreatedAt,
            r.EmailStatus.ToString().ToLowerInvariant(), r.EmailError, r.EmailedAt, r.ExpiresAt, size);
    }

    private static IQueryable<ReportDefinition> Definitions(MonitorDbContext db) => db.Set<ReportDefinition>().AsNoTracking();

    private static IQueryable<SentReport> Stored(MonitorDbContext db) => db.Set<SentReport>().AsNoTracking();

    private async Task<IReadOnlyList<ReportView>> ViewsAsync(MonitorDbContext db, IQueryable<ReportDefinition> definitions, CancellationToken cancellationToken)
    {
        var rows = await definitions.OrderBy(d => d.Name).ThenBy(d => d.Id)
            .Select(d => new
            {
                Definition = d,
                Profile = db.Set<TiktokProfile>().Where(p => p.Id == d.ProfileId).Select(p => p.Handle).FirstOrDefault(),
                Group = db.Set<ProfileGroup>().Where(g => g.Id == d.GroupId).Select(g => g.Name).FirstOrDefault(),
                Channel = db.Set<NotificationChannel>().Where(c => c.Id == d.ChannelId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. rows.Select(r =>
        {
            var d = r.Definition;
            var period = ReportPeriod.LastComplete(d.Cadence, ReportingTimeZone.FromId(d.TimeZone), d.WeekStart, now);
            return new ReportView(d.Id, d.Name, d.ProfileId, d.GroupId, r.Profile is { } handle ? "@" + handle : r.Group ?? "(deleted)",
                d.Cadence.ToString().ToLowerInvariant(), d.TimeZone, d.WeekStart.ToString().ToLowerInvariant(), d.SendHour,
                d.ToAddresses, d.BccAddresses, d.ChannelId, r.Channel, d.Enabled, d.LastSentPeriodStart, period.Describe(), d.CreatedAt, d.UpdatedAt);
        })];
    }
}
