using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;

namespace Monitor.Core.Credits;

/// <summary>
/// Writes queued charges to the ledger in batches (one insert per batch, off the request path), then applies what they
/// say: a 402 pauses scheduled runs, credits left after it lift the pause, and the budget alerts are checked.
/// </summary>
internal sealed class CreditLedgerWriter(
    CreditLedgerQueue queue,
    IDbContextFactory<MonitorDbContext> contextFactory,
    CreditAlerts alerts,
    CreditBudgetService budget,
    ILogger<CreditLedgerWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Charges arrive one upstream request at a time. Written as they came, each request cost an insert and the budget's
    /// status read three times (the month's ledger summed each time): with the upstream as a separate process that was
    /// the largest share of the app's CPU a page. Gathering what arrives within this window writes it in one insert and
    /// checks the budget once; the pause and alerts follow a 402 at most this much later.
    /// </summary>
    internal static readonly TimeSpan BatchWindow = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(BatchWindow, stoppingToken);
                // What arrived in the window, in one batch; straight on only while a backlog fills whole batches. (Taking
                // again at once while anything was queued wrote a batch or two per page, each with its budget check.)
                List<CreditCharge> batch;
                do
                {
                    batch = Take();
                    if (batch.Count > 0)
                    {
                        await WriteBatchAsync(batch, stoppingToken);
                    }
                }
                while (batch.Count == MaxBatch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: write what is left, briefly.
            using var drain = new CancellationTokenSource(DrainTimeout);
            var rest = Take();
            if (rest.Count > 0)
            {
                await WriteBatchAsync(rest, drain.Token);
            }
        }
    }

    /// <summary>Writes everything queued so far, now (tests, and hosts that do not run hosted services).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        for (var batch = Take(); batch.Count > 0; batch = Take())
        {
            await WriteBatchAsync(batch, cancellationToken);
        }
    }

    private List<CreditCharge> Take()
    {
        var batch = new List<CreditCharge>();
        while (batch.Count < MaxBatch && queue.Reader.TryRead(out var charge))
        {
            batch.Add(charge);
        }

        return batch;
    }

    /// <summary>Batches written since start (the tests read it: the window's purpose is few of them).</summary>
    internal int BatchesWritten => _batchesWritten;

    private int _batchesWritten;

    private async Task WriteBatchAsync(List<CreditCharge> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batchesWritten);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InsertAsync(batch, cancellationToken);
                await ApplyAsync(batch, cancellationToken);
                return;
            }
            catch (Exception ex) when (DatabaseErrors.IsDatabaseError(ex) && attempt < 5 && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Writing {Count} credit ledger row(s) failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(RetryDelay * attempt, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Count} credit ledger row(s) ({Credits} credits) could not be written", batch.Count, batch.Sum(c => c.Credits));
                return;
            }
        }
    }

    private async Task InsertAsync(List<CreditCharge> batch, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A failed batch is written again whole (WriteBatchAsync): no savepoint round trips around each save.
        db.Database.AutoSavepointsEnabled = false;
        await CreditLedgerAppender.AppendAsync(db, batch.Select(c => new CreditLedgerEntry
        {
            At = c.At,
            Day = c.Day,
            ProfileId = c.Attribution?.ProfileId,
            LogId = c.Attribution?.LogId,
            Endpoint = c.Endpoint,
            StatusCode = c.StatusCode,
            Credits = c.Credits,
            CreditsRemaining = c.CreditsRemaining,
        }).ToList(), cancellationToken);
    }

    private async Task ApplyAsync(List<CreditCharge> batch, CancellationToken cancellationToken)
    {
        if (batch.FirstOrDefault(c => c.StatusCode == 402) is { } outOfCredits)
        {
            await alerts.OutOfCreditsAsync(outOfCredits.At, cancellationToken);
        }
        else if (batch.LastOrDefault(c => c.StatusCode is >= 200 and < 300 && c.CreditsRemaining > 0) is { } funded)
        {
            await budget.ClearOutOfCreditsAsync(funded.At, cancellationToken);
        }

        // Only charged credits move the budget's level: a batch of free answers cannot cross a threshold.
        if (batch.Any(c => c.Credits > 0))
        {
            await alerts.CheckBudgetAsync(cancellationToken);
        }
    }
}
