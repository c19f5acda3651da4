using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Quartz;

namespace Monitor.Core.Reports;

/// <summary>
/// Hourly: each enabled report whose last complete period is over and whose send hour has passed in its zone, and which
/// was not yet sent for that period (or failed fewer than <see cref="ReportDelivery.MaxEmailAttempts"/> times), is
/// built, stored and emailed; stored reports past their keep date are deleted.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportJob(IServiceScopeFactory scopes, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("scheduled-reports", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RunOnceAsync(scope.ServiceProvider, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <returns>How many reports were delivered or tried.</returns>
    public static async Task<int> RunOnceAsync(IServiceProvider services, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var contextFactory = services.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
        var delivery = services.GetRequiredService<ReportDelivery>();
        List<ReportDefinition> definitions;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Set<SentReport>().Where(r => r.ExpiresAt <= nowUtc).ExecuteDeleteAsync(cancellationToken);
            definitions = await db.Set<ReportDefinition>().AsNoTracking().Where(d => d.Enabled).ToListAsync(cancellationToken);
        }

        var tried = 0;
        foreach (var definition in definitions)
        {
            var period = ReportPeriod.LastComplete(definition.Cadence, ReportingTimeZone.FromId(definition.TimeZone), definition.WeekStart, nowUtc);
            if (nowUtc < period.DueUtc(definition.SendHour) || await DoneAsync(contextFactory, definition.Id, period, cancellationToken))
            {
                continue;
            }

            await delivery.DeliverAsync(definition.Id, period, resend: false, cancellationToken);
            tried++;
        }

        return tried;
    }

    private static async Task<bool> DoneAsync(IDbContextFactory<MonitorDbContext> contextFactory, Guid definitionId, ReportPeriod period, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SentReport>().AnyAsync(r => r.DefinitionId == definitionId && r.PeriodStart == period.Start
            && (r.EmailStatus == ReportEmailStatus.Sent || r.EmailAttempts >= ReportDelivery.MaxEmailAttempts), cancellationToken);
    }
}
