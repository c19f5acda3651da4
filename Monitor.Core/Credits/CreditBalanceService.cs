using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.Scraping;

namespace Monitor.Core.Credits;

/// <summary>
/// The balance from <c>/v1/account/credit-balance</c>, asked at most once per <see cref="CreditOptions.BalanceCacheDuration"/>
/// per process; when the provider cannot answer, the latest <c>credits_remaining</c> in the ledger stands in.
/// </summary>
public sealed class CreditBalanceService(
    IServiceScopeFactory scopes,
    IDbContextFactory<MonitorDbContext> contextFactory,
    CreditBudgetService budget,
    IOptions<CreditOptions> options,
    TimeProvider time,
    ILogger<CreditBalanceService> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CreditBalance? _cached;
    private DateTime _cachedAt;

    public async Task<CreditBalance> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (_cached is { } cached && now - _cachedAt < options.Value.BalanceCacheDuration)
            {
                return cached;
            }

            // The fallback is cached too, so a failing provider is not asked on every page view.
            _cached = await FetchAsync(now, cancellationToken);
            _cachedAt = now;
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<CreditBalance> FetchAsync(DateTime now, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var credits = await scope.ServiceProvider.GetRequiredService<ScrapeCreatorsClient>().GetCreditBalanceAsync(cancellationToken);
            if (credits is { } count)
            {
                if (count > 0)
                {
                    await budget.ClearOutOfCreditsAsync(now, cancellationToken);
                }

                return new CreditBalance(count, now, true, null);
            }

            problem = "The provider's answer had no balance.";
        }
        catch (ScrapeCreatorsException ex)
        {
            logger.LogWarning("The credit balance could not be read: {Error}", ex.Message);
            problem = ex.Message;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.Set<CreditLedgerEntry>().AsNoTracking().Where(e => e.CreditsRemaining != null)
            .OrderByDescending(e => e.Id).Select(e => new { e.CreditsRemaining, e.At }).FirstOrDefaultAsync(cancellationToken);
        return new CreditBalance(last?.CreditsRemaining, last?.At, false, problem);
    }
}
