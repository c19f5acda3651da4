using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Scraping;

namespace Monitor.Core.Credits;

/// <summary>
/// Stores the provider's daily usage report next to the ledger, replacing the days it covers; and rebuilds the running
/// month totals from the ledger, so a total that drifted (a row edited by hand, a restore) is right again by the next day.
/// </summary>
public sealed class CreditReconciler(IServiceScopeFactory scopes, IDbContextFactory<MonitorDbContext> contextFactory, CreditBudgetService budget, TimeProvider time)
{
    /// <summary>Recomputes this month's and last month's totals (instance and workspaces) from the ledger.</summary>
    public async Task RebuildMonthTotalsAsync(CancellationToken cancellationToken)
    {
        var month = CreditBudgetPolicy.MonthStart(budget.Today);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await CreditMonthTotals.RebuildAsync(db, month.AddMonths(-1), cancellationToken);
        await CreditMonthTotals.RebuildAsync(db, month, cancellationToken);
    }

    /// <returns>How many days the provider reported.</returns>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ProviderUsageDay> days;
        await using (var scope = scopes.CreateAsyncScope())
        {
            days = await scope.ServiceProvider.GetRequiredService<ScrapeCreatorsClient>().GetDailyUsageAsync(cancellationToken);
        }

        var unique = days.GroupBy(d => d.Day).Select(g => g.Last()).ToList();
        if (unique.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var covered = unique.Select(d => d.Day).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<ProviderDailyUsage>().Where(u => covered.Contains(u.Day)).ExecuteDeleteAsync(cancellationToken);
        db.Set<ProviderDailyUsage>().AddRange(unique.Select(d => new ProviderDailyUsage { Day = d.Day, Credits = d.Credits, Requests = d.Requests, FetchedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return unique.Count;
    }
}
