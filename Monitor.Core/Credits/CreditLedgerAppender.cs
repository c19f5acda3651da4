using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Credits;

/// <summary>
/// The one way into the ledger: in one transaction, the entries, their attribution to every workspace watching each
/// entry's profile now, and the month totals they move (the instance's once, each charged workspace's in full).
/// </summary>
internal static class CreditLedgerAppender
{
    public static async Task AppendAsync(MonitorDbContext db, IReadOnlyList<CreditLedgerEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (db.Provider == DatabaseProvider.Postgres)
        {
            await PostgresCreditLedgerAppender.AppendAsync(db, entries, cancellationToken);
            return;
        }

        var owned = db.Database.CurrentTransaction is null;
        await using var transaction = owned ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var profileIds = entries.Where(e => e.ProfileId is not null).Select(e => e.ProfileId!.Value).Distinct().ToList();
        var links = (await db.Set<WorkspaceProfile>().IgnoreQueryFilters().AsNoTracking()
                .Where(l => profileIds.Contains(l.ProfileId))
                .Select(l => new { l.ProfileId, l.WorkspaceId })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.ProfileId, l => l.WorkspaceId);

        db.Set<CreditLedgerEntry>().AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        var attributions = entries.Where(e => e.ProfileId is not null)
            .SelectMany(e => links[e.ProfileId!.Value].Select(w => new CreditLedgerWorkspace { EntryId = e.Id, WorkspaceId = w }))
            .ToList();
        db.Set<CreditLedgerWorkspace>().AddRange(attributions);
        await db.SaveChangesAsync(cancellationToken);

        var byEntry = entries.ToDictionary(e => e.Id);
        var moves = entries.Select(e => (Month: CreditBudgetPolicy.MonthStart(e.Day), WorkspaceId: CreditMonthTotal.Instance, (long)e.Credits))
            .Concat(attributions.Select(a => (Month: CreditBudgetPolicy.MonthStart(byEntry[a.EntryId].Day), a.WorkspaceId, (long)byEntry[a.EntryId].Credits)));
        await CreditMonthTotals.AddAsync(db, moves, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
