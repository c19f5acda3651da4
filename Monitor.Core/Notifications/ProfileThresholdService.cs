using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Notifications.Alerts;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

/// <summary>
/// Reads and sets the growth and breakout thresholds the caller's current workspace holds for a profile it watches;
/// another workspace watching the same profile keeps its own.
/// </summary>
public sealed class ProfileThresholdService(
    IDbContextFactory<MonitorDbContext> contextFactory,
    WorkspaceAlertRulesService rules,
    AuditTrail audit,
    WorkspaceScopeAccessor workspaces,
    TimeProvider time)
{
    /// <summary>
    /// The profiles whose thresholds the current workspace holds (those it watches), by handle. Not every profile the
    /// caller sees: a member of several workspaces, or an instance admin, sees other workspaces' profiles too.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string Handle)>> ProfileChoicesAsync(CancellationToken cancellationToken)
    {
        var workspaceId = workspaces.Effective.TargetWorkspaceId;
        var followsUnwatched = workspaceId == WorkspaceDefaults.FirstId;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var links = db.Set<WorkspaceProfile>();
        var profiles = await db.Profiles.AsNoTracking()
            .Where(p => links.Any(l => l.ProfileId == p.Id && l.WorkspaceId == workspaceId)
                || (followsUnwatched && !links.Any(l => l.ProfileId == p.Id)))
            .OrderBy(p => p.Handle).Select(p => new { p.Id, p.Handle }).ToListAsync(cancellationToken);
        return [.. profiles.Select(p => (p.Id, p.Handle))];
    }

    /// <returns>Null when the current workspace watches no such profile.</returns>
    public async Task<ProfileThresholds?> GetAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var workspaceId = workspaces.Effective.TargetWorkspaceId;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await WatchesAsync(db, workspaceId, profileId, cancellationToken))
        {
            return null;
        }

        var state = await db.ProfileAlertStates.AsNoTracking()
            .SingleOrDefaultAsync(s => s.WorkspaceId == workspaceId && s.ProfileId == profileId, cancellationToken);
        return await ViewAsync(db, workspaceId, profileId, state, cancellationToken);
    }

    /// <returns>Null when the current workspace watches no such profile; else the thresholds, or the problems by field.</returns>
    /// <exception cref="UnauthorizedAccessException">The caller is a viewer of the workspace.</exception>
    public async Task<(ProfileThresholds? Thresholds, Dictionary<string, string[]> Errors)?> SetAsync(Guid profileId, ProfileThresholdsInput input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = workspaces.Effective;
        var workspaceId = scope.TargetWorkspaceId;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await WatchesAsync(db, workspaceId, profileId, cancellationToken))
        {
            return null;
        }

        if (!scope.Can(workspaceId, WorkspaceRole.Editor))
        {
            throw new UnauthorizedAccessException("Only an editor or admin of the workspace changes its thresholds.");
        }

        var errors = new Dictionary<string, string[]>();
        ThresholdRules.Check(errors, input.GrowthPercent, input.GrowthViews, input.BreakoutMultiple);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var state = await db.ProfileAlertStates.SingleOrDefaultAsync(s => s.WorkspaceId == workspaceId && s.ProfileId == profileId, cancellationToken);
        if (state is null)
        {
            state = new ProfileAlertState { WorkspaceId = workspaceId, ProfileId = profileId };
            db.ProfileAlertStates.Add(state);
        }

        var before = new { state.GrowthPercent, state.GrowthViews, state.BreakoutMultiple };
        state.GrowthPercent = input.GrowthPercent;
        state.GrowthViews = input.GrowthViews;
        state.BreakoutMultiple = input.BreakoutMultiple;
        state.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.ProfileAlertRulesChanged, await audit.ProfileTargetAsync(profileId, cancellationToken),
            AuditChange.Between(before, new { state.GrowthPercent, state.GrowthViews, state.BreakoutMultiple }), cancellationToken);
        return (await ViewAsync(db, workspaceId, profileId, state, cancellationToken), errors);
    }

    private static async Task<bool> WatchesAsync(MonitorDbContext db, Guid workspaceId, Guid profileId, CancellationToken cancellationToken) =>
        await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken) && await AlertWorkspaces.FollowsAsync(db, workspaceId, profileId, cancellationToken);

    private async Task<ProfileThresholds> ViewAsync(MonitorDbContext db, Guid workspaceId, Guid profileId, ProfileAlertState? state, CancellationToken cancellationToken)
    {
        var effective = (await rules.InForceAsync(db, [workspaceId], cancellationToken))[workspaceId].ThresholdsFor(state);
        return new(profileId, state?.GrowthPercent, state?.GrowthViews, state?.BreakoutMultiple,
            effective.GrowthPercent, effective.GrowthViews, effective.BreakoutMultiple, workspaceId);
    }
}
