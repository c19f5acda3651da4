using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Credits;

/// <summary>Moves the running month totals, reads them, and rebuilds them from the ledger.</summary>
internal static class CreditMonthTotals
{
    /// <summary>
    /// Adds credits to the month totals, inside the caller's transaction. Rows are updated in key order so two writers
    /// lock them in the same order; a row a concurrent writer inserted first fails this transaction, and the writer's
    /// retry finds it.
    /// </summary>
    public static async Task AddAsync(MonitorDbContext db, IEnumerable<(DateOnly Month, Guid WorkspaceId, long Credits)> moves, CancellationToken cancellationToken)
    {
        var sums = moves.GroupBy(m => (m.Month, m.WorkspaceId))
            .Select(g => (g.Key.Month, g.Key.WorkspaceId, Credits: g.Sum(m => m.Credits)))
            .Where(s => s.Credits != 0)
            .OrderBy(s => s.Month).ThenBy(s => s.WorkspaceId)
            .ToList();
        foreach (var (month, workspaceId, credits) in sums)
        {
            var updated = await db.Set<CreditMonthTotal>().IgnoreQueryFilters()
                .Where(t => t.Month == month && t.WorkspaceId == workspaceId)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Credits, t => t.Credits + credits), cancellationToken);
            if (updated == 0)
            {
                db.Set<CreditMonthTotal>().Add(new CreditMonthTotal { Month = month, WorkspaceId = workspaceId, Credits = credits });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The month's credits of the instance (<see cref="CreditMonthTotal.Instance"/>) or of a workspace.</summary>
    public static Task<long> GetAsync(MonitorDbContext db, DateOnly month, Guid workspaceId, CancellationToken cancellationToken) =>
        db.Set<CreditMonthTotal>().IgnoreQueryFilters().Where(t => t.Month == month && t.WorkspaceId == workspaceId)
            .Select(t => t.Credits).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every workspace's credits of the month (the instance's row left out).</summary>
    public static Task<Dictionary<Guid, long>> GetWorkspacesAsync(MonitorDbContext db, DateOnly month, CancellationToken cancellationToken) =>
        db.Set<CreditMonthTotal>().IgnoreQueryFilters().Where(t => t.Month == month && t.WorkspaceId != CreditMonthTotal.Instance)
            .ToDictionaryAsync(t => t.WorkspaceId, t => t.Credits, cancellationToken);

    /// <summary>Replaces the month's totals with the sums of its ledger entries and their attributions (the reconciliation's check).</summary>
    public static async Task RebuildAsync(MonitorDbContext db, DateOnly month, CancellationToken cancellationToken)
    {
        var end = month.AddMonths(1);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Deleting first makes a writer that increments meanwhile wait for this transaction; one that inserts a row
        // meanwhile makes it fail on the key rather than lose that writer's credits.
        await db.Set<CreditMonthTotal>().IgnoreQueryFilters().Where(t => t.Month == month).ExecuteDeleteAsync(cancellationToken);
        var entries = db.Set<CreditLedgerEntry>().IgnoreQueryFilters().Where(e => e.Day >= month && e.Day < end);
        var instance = await entries.SumAsync(e => (long)e.Credits, cancellationToken);
        var workspaces = await db.Set<CreditLedgerWorkspace>().IgnoreQueryFilters()
            .Join(entries, a => a.EntryId, e => e.Id, (a, e) => new { a.WorkspaceId, e.Credits })
            .GroupBy(x => x.WorkspaceId)
            .Select(g => new { WorkspaceId = g.Key, Credits = g.Sum(x => (long)x.Credits) })
            .ToListAsync(cancellationToken);
        db.Set<CreditMonthTotal>().AddRange(workspaces.Where(w => w.Credits != 0)
            .Select(w => new CreditMonthTotal { Month = month, WorkspaceId = w.WorkspaceId, Credits = w.Credits }));
        if (instance != 0)
        {
            db.Set<CreditMonthTotal>().Add(new CreditMonthTotal { Month = month, WorkspaceId = CreditMonthTotal.Instance, Credits = instance });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
