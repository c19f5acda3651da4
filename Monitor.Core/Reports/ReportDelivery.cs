using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Notifications;
using Monitor.Core.Notifications.Delivery;

namespace Monitor.Core.Reports;

/// <summary>
/// One report's life for one period: build, store (one row per definition and period: the unique index makes a second
/// node's attempt a no-op), email through the definition's channel, and record what became of the email.
/// </summary>
public sealed partial class ReportDelivery(
    IDbContextFactory<MonitorDbContext> contextFactory,
    ReportContentBuilder builder,
    ChannelSender sender,
    IOptions<ReportOptions> options,
    TimeProvider time,
    ILogger<ReportDelivery> logger)
{
    public const int MaxEmailAttempts = 3;

    /// <param name="resend">True for "send now": a period already stored is rebuilt and emailed again; false for the schedule.</param>
    public async Task<ReportResult> DeliverAsync(Guid definitionId, ReportPeriod? period, bool resend, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var definition = await db.Set<ReportDefinition>().SingleOrDefaultAsync(d => d.Id == definitionId, cancellationToken);
        if (definition is null)
        {
            return ReportResult.NoReport(definitionId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        period ??= ReportPeriod.LastComplete(definition.Cadence, ReportingTimeZone.FromId(definition.TimeZone), definition.WeekStart, now);
        var stored = await db.Set<SentReport>().SingleOrDefaultAsync(r => r.DefinitionId == definitionId && r.PeriodStart == period.Start, cancellationToken);
        if (stored is not null && !resend && (stored.EmailStatus == ReportEmailStatus.Sent || stored.EmailAttempts >= MaxEmailAttempts))
        {
            return new ReportResult(ReportProblem.None, Sent: ReportService.ToView(stored, stored.Pdf.LongLength));
        }

        var content = await builder.BuildAsync(definition, period, cancellationToken);
        if (content is null)
        {
            return ReportResult.SubjectGone();
        }

        var rendered = RenderedReport.Render(content, now);
        if (stored is null)
        {
            stored = new SentReport { DefinitionId = definitionId, Cadence = period.Cadence, PeriodStart = period.Start, PeriodEnd = period.Last, TimeZone = period.TimeZone, Pdf = rendered.Pdf };
            db.Add(stored);
        }

        Restore(stored, rendered, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!resend)
        {
            // Another node stored this period first (the unique index on definition and period): it sends it.
            return new ReportResult(ReportProblem.None, Message: "Another node is sending this period's report.");
        }
        catch (DbUpdateException) when (db.Entry(stored).State == EntityState.Added)
        {
            // "Send now" raced the schedule storing the same period: take the stored row and send it again from there.
            db.Entry(stored).State = EntityState.Detached;
            stored = await db.Set<SentReport>().SingleAsync(r => r.DefinitionId == definitionId && r.PeriodStart == period.Start, cancellationToken);
            Restore(stored, rendered, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        var error = await SendAsync(db, definition, rendered, cancellationToken);
        stored.EmailStatus = error is null ? ReportEmailStatus.Sent : ReportEmailStatus.Failed;
        stored.EmailError = error is null ? null : error[..Math.Min(error.Length, ReportLimits.ErrorLength)];
        stored.EmailedAt = error is null ? time.GetUtcNow().UtcDateTime : null;
        if (error is null && (definition.LastSentPeriodStart is null || definition.LastSentPeriodStart < period.Start))
        {
            definition.LastSentPeriodStart = period.Start;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        var view = ReportService.ToView(stored, stored.Pdf.LongLength);
        return error is null ? new ReportResult(ReportProblem.None, Sent: view) : new ReportResult(ReportProblem.SendFailed, Sent: view, Message: error);
    }

    private void Restore(SentReport stored, RenderedReport rendered, DateTime now)
    {
        stored.Pdf = rendered.Pdf;
        stored.CreatedAt = now;
        stored.ExpiresAt = now.AddDays(options.Value.KeepDays);
        stored.EmailStatus = ReportEmailStatus.Pending;
        stored.EmailAttempts++;
    }

    /// <returns>Null when delivered, else why not.</returns>
    private async Task<string?> SendAsync(MonitorDbContext db, ReportDefinition definition, RenderedReport rendered, CancellationToken cancellationToken)
    {
        var channel = definition.ChannelId is { } channelId
            ? await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken)
            : null;
        if (channel is null)
        {
            return "The report has no email channel (it was deleted): choose one.";
        }

        try
        {
            await sender.SendEmailAsync(channel, ReportEmailComposer.Compose(definition, rendered.Content, rendered.Images, rendered.Pdf), cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Kept on the stored report and logged; the schedule tries again on its next pass, up to MaxEmailAttempts.
            LogSendFailed(logger, ex, definition.Id, channel.Name);
            return ex.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {DefinitionId}: the email through channel {Channel} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid definitionId, string channel);
}
