using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Credits;

/// <summary>
/// Each workspace's month against its own budget. The rule: a workspace is charged the full credits of every profile it
/// watches (a shared profile's run counts in full in each, once in the instance total); when its budget is spent, the
/// scheduled runs of a profile pause only if every workspace watching it has spent its budget. A profile no workspace
/// watches answers to the instance budget alone.
/// </summary>
public sealed class CreditWorkspaceBudgets(IDbContextFactory<MonitorDbContext> contextFactory, CreditBudgetService budget)
{
    /// <summary>The statuses of the given workspaces (all when null), by name; unknown ids are left out.</summary>
    public async Task<IReadOnlyList<CreditBudgetStatus>> GetStatusesAsync(IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var instance = await budget.GetStatusAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = only?.ToList();
        var workspaces = await db.Workspaces.IgnoreQueryFilters().AsNoTracking()
            .Where(w => ids == null || ids.Contains(w.Id))
            .Select(w => new { w.Id, w.Name, w.MonthlyCreditBudget })
            .ToListAsync(cancellationToken);
        var spent = await CreditMonthTotals.GetWorkspacesAsync(db, instance.MonthStart, cancellationToken);
        return workspaces.OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).Select(w =>
        {
            long? limit = w.MonthlyCreditBudget is > 0 and { } b ? b : null;
            var used = spent.GetValueOrDefault(w.Id);
            return new CreditBudgetStatus(limit, used, instance.MonthStart, CreditBudgetPolicy.LevelOf(limit, used), instance.OutOfCreditsSince, w.Id, w.Name);
        }).ToList();
    }

    public async Task<CreditBudgetStatus?> GetStatusAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await GetStatusesAsync([workspaceId], cancellationToken) is [var status] ? status : null;

    /// <summary>The workspaces whose budget for this month is spent.</summary>
    public async Task<IReadOnlyList<Guid>> SpentWorkspaceIdsAsync(CancellationToken cancellationToken) =>
        [.. (await GetStatusesAsync(null, cancellationToken)).Where(s => s.Level == CreditBudgetLevel.Exceeded).Select(s => s.WorkspaceId!.Value)];

    /// <summary>
    /// What pauses the scheduled runs of these profiles (the instance's pause, or the spent budgets of every workspace
    /// watching a profile), by profile; a profile that may run, or that the caller cannot see, is left out. A workspace
    /// pause names a workspace the caller sees.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, CreditBudgetStatus>> PausedProfilesAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var instance = await budget.GetStatusAsync(cancellationToken);
        if (instance.ScheduledRunsPaused)
        {
            return profileIds.Distinct().ToDictionary(id => id, _ => instance);
        }

        var spent = (await GetStatusesAsync(null, cancellationToken)).Where(s => s.Level == CreditBudgetLevel.Exceeded)
            .ToDictionary(s => s.WorkspaceId!.Value);
        if (spent.Count == 0)
        {
            return new Dictionary<Guid, CreditBudgetStatus>();
        }

        var ids = profileIds.Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.Set<WorkspaceProfile>().IgnoreQueryFilters().AsNoTracking().Where(l => ids.Contains(l.ProfileId))
            .Select(l => new { l.ProfileId, l.WorkspaceId }).ToListAsync(cancellationToken);
        var seen = await db.Set<WorkspaceProfile>().AsNoTracking().Where(l => ids.Contains(l.ProfileId))
            .Select(l => new { l.ProfileId, l.WorkspaceId }).ToListAsync(cancellationToken);
        var seenBy = seen.ToLookup(l => l.ProfileId, l => l.WorkspaceId);
        return links.GroupBy(l => l.ProfileId)
            .Where(g => seenBy[g.Key].Any() && g.All(l => spent.ContainsKey(l.WorkspaceId)))
            .ToDictionary(g => g.Key, g => spent[seenBy[g.Key].Order().First()]);
    }
}
