using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

/// <summary>
/// Reads and sets the alert rules of the caller's current workspace (the page and the API both call it), and gives the
/// alert evaluation the rules in force per workspace.
/// </summary>
public sealed class WorkspaceAlertRulesService(
    IDbContextFactory<MonitorDbContext> contextFactory,
    NotificationSettingsStore instance,
    AuditTrail audit,
    WorkspaceScopeAccessor workspaces,
    TimeProvider time)
{
    /// <returns>Null when the caller sees no workspace.</returns>
    public async Task<WorkspaceAlertRulesView?> GetAsync(CancellationToken cancellationToken)
    {
        var scope = workspaces.Effective;
        var workspaceId = scope.TargetWorkspaceId;
        if (!scope.CanRead(workspaceId))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var own = await db.WorkspaceAlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.WorkspaceId == workspaceId, cancellationToken);
        return WorkspaceAlertRulesView.Of(workspaceId, own, await instance.GetAsync(db, cancellationToken));
    }

    /// <returns>Null when the caller sees no workspace.</returns>
    /// <exception cref="UnauthorizedAccessException">The caller is a viewer of the workspace.</exception>
    public async Task<WorkspaceAlertRulesChange?> SetAsync(WorkspaceAlertRulesInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = workspaces.Effective;
        var workspaceId = scope.TargetWorkspaceId;
        if (!scope.CanRead(workspaceId))
        {
            return null;
        }

        if (!scope.Can(workspaceId, WorkspaceRole.Editor))
        {
            throw new UnauthorizedAccessException("Only an editor or admin of the workspace changes its alert rules.");
        }

        var errors = new Dictionary<string, string[]>();
        if (input.FailuresBeforeAlert is < 1 or > NotificationSettings.MaxFailuresBeforeAlert)
        {
            errors["failuresBeforeAlert"] = [$"failuresBeforeAlert is 1–{NotificationSettings.MaxFailuresBeforeAlert}."];
        }

        ThresholdRules.Check(errors, input.GrowthPercent, input.GrowthViews, input.BreakoutMultiple);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.WorkspaceAlertRules.SingleOrDefaultAsync(r => r.WorkspaceId == workspaceId, cancellationToken);
        if (rules is null)
        {
            rules = new WorkspaceAlertRules { WorkspaceId = workspaceId };
            db.WorkspaceAlertRules.Add(rules);
        }

        var before = Audited(rules);
        (rules.FailuresBeforeAlert, rules.GrowthPercent, rules.GrowthViews, rules.BreakoutMultiple) =
            (input.FailuresBeforeAlert, input.GrowthPercent, input.GrowthViews, input.BreakoutMultiple);
        rules.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleOrDefaultAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.AlertRulesChanged, AuditTarget.Workspace(workspaceId, name), AuditChange.Between(before, Audited(rules)), cancellationToken);
        return new(WorkspaceAlertRulesView.Of(workspaceId, rules, await instance.GetAsync(db, cancellationToken)), errors);
    }

    /// <summary>The rules in force in each of <paramref name="workspaceIds"/>.</summary>
    internal async Task<Dictionary<Guid, NotificationSettings>> InForceAsync(MonitorDbContext db, IReadOnlyCollection<Guid> workspaceIds,
        CancellationToken cancellationToken)
    {
        var defaults = await instance.GetAsync(db, cancellationToken);
        var own = await db.WorkspaceAlertRules.AsNoTracking().Where(r => workspaceIds.Contains(r.WorkspaceId))
            .ToDictionaryAsync(r => r.WorkspaceId, cancellationToken);
        return workspaceIds.ToDictionary(id => id, id => own.TryGetValue(id, out var rules) ? rules.Over(defaults) : defaults);
    }

    private static object Audited(WorkspaceAlertRules rules) =>
        new { rules.FailuresBeforeAlert, rules.GrowthPercent, rules.GrowthViews, rules.BreakoutMultiple };
}
