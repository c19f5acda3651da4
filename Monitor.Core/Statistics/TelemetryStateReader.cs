using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Runs;
using Monitor.Core.Telemetry;

namespace Monitor.Core.Statistics;

/// <summary>
/// Reads the queue and the month's credits for the gauges. A scrape reads every gauge at once, and several scrapers
/// may poll: the figures are kept for <see cref="MaxAge"/> so a scrape costs at most two small queries.
/// </summary>
public sealed class TelemetryStateReader(
    IDbContextFactory<MonitorDbContext> contextFactory,
    CreditBudgetService budget,
    TimeProvider time,
    ILogger<TelemetryStateReader> logger) : ITelemetryStateSource
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private TelemetryState _state = TelemetryState.Empty;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The cached figures, read again first when older than <see cref="MaxAge"/>.</summary>
    public TelemetryState Current()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _readAt < MaxAge)
            {
                return _state;
            }

            // Stamped before reading: a database that is down is asked again after MaxAge, not on every gauge.
            _readAt = now;
            try
            {
                using var timeout = new CancellationTokenSource(ReadTimeout);
                // Gauge callbacks are synchronous; the read runs off any caller's context and is bounded by the timeout.
                _state = Task.Run(() => ReadAsync(timeout.Token), timeout.Token).GetAwaiter().GetResult();
            }
#pragma warning disable CA1031 // A failed read leaves the last figures; the scrape itself must not fail.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not read the queue and credit figures for the metrics; the last ones are reported");
            }

            return _state;
        }
    }

    public async Task<TelemetryState> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Runs.AsNoTracking()
            .Where(l => l.Status == MonitoringStatus.Pending)
            .GroupBy(l => l.ScheduledFor <= now)
            .Select(g => new { Due = g.Key, Count = g.LongCount(), Oldest = g.Min(l => l.ScheduledFor) })
            .ToListAsync(cancellationToken);
        var due = pending.SingleOrDefault(p => p.Due);
        var scheduled = pending.SingleOrDefault(p => !p.Due);
        var credits = await budget.GetStatusAsync(cancellationToken);
        IReadOnlyList<Measurement<double>> used = credits.MonthlyBudget is { } limit and > 0
            ? [new Measurement<double>((double)credits.SpentThisMonth / limit)]
            : [];
        return new TelemetryState(
            [
                new Measurement<long>(due?.Count ?? 0, new KeyValuePair<string, object?>("state", "due")),
                new Measurement<long>(scheduled?.Count ?? 0, new KeyValuePair<string, object?>("state", "scheduled")),
            ],
            due is null ? 0 : Math.Max(0, (now - due.Oldest).TotalSeconds),
            credits.SpentThisMonth,
            used);
    }
}
