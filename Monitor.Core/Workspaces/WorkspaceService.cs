using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Identity;

namespace Monitor.Core.Workspaces;

/// <summary>
/// Workspaces, their members and the profiles they watch. Creating, renaming and deleting a workspace is for instance
/// admins; members and the budget for the workspace's admins too. A workspace the caller cannot read answers NotFound.
/// </summary>
public sealed class WorkspaceService(
    IDbContextFactory<MonitorDbContext> contextFactory, AuditTrail audit, TimeProvider time, IEnumerable<IWorkspaceUnlinkStep> unlinkSteps)
{
    public async Task<IReadOnlyList<WorkspaceView>> ListAsync(WorkspaceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var visible = scope.VisibleWorkspaceIds.ToList();
        var rows = await db.Workspaces.AsNoTracking()
            .Where(w => scope.IsUnrestricted || visible.Contains(w.Id))
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Name)
            .Select(w => new
            {
                w.Id,
                w.Name,
                w.CreatedAt,
                w.MonthlyCreditBudget,
                Profiles = db.Set<WorkspaceProfile>().Count(l => l.WorkspaceId == w.Id),
                Members = db.Set<WorkspaceMember>().Count(m => m.WorkspaceId == w.Id),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(w => new WorkspaceView(w.Id, w.Name, w.CreatedAt, w.MonthlyCreditBudget,
            scope.Roles.TryGetValue(w.Id, out var role) ? role : null, w.Profiles, w.Members)).ToList();
    }

    public async Task<WorkspaceResult<WorkspaceView>> GetAsync(WorkspaceScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var found = (await ListAsync(scope, cancellationToken)).FirstOrDefault(w => w.Id == id);
        return found is null ? WorkspaceOutcome.NotFound<WorkspaceView>(NoWorkspace(id)) : WorkspaceOutcome.Ok<WorkspaceView>(found);
    }

    /// <summary>The workspace that existed first (the migration's): where the data of a single team lives.</summary>
    public async Task<Guid> FirstWorkspaceIdAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Workspaces.AsNoTracking().OrderBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .Select(w => (Guid?)w.Id).FirstOrDefaultAsync(cancellationToken) ?? WorkspaceDefaults.FirstId;
    }

    /// <summary>
    /// A user who belongs to no workspace (one single sign-on has just created) joins the first workspace as a viewer,
    /// as every user saw the whole instance before workspaces: an admin moves them on the Workspaces page.
    /// </summary>
    /// <returns>True when the user was added.</returns>
    public async Task<bool> JoinFirstIfNoneAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var first = await FirstWorkspaceIdAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<WorkspaceMember>().AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            return false;
        }

        db.Add(new WorkspaceMember { WorkspaceId = first, UserId = userId, Role = WorkspaceRole.Viewer });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A second sign-in of the same user added it first.
            return false;
        }
    }

    public async Task<WorkspaceResult<WorkspaceView>> CreateAsync(WorkspaceScope scope, WorkspaceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.IsUnrestricted)
        {
            return WorkspaceOutcome.Forbidden<WorkspaceView>("Only an instance admin creates workspaces.");
        }

        var name = (input.Name ?? string.Empty).Trim();
        if (Validate(name, input.MonthlyCreditBudget) is { } problem)
        {
            return problem;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await NameTakenAsync(db, name, null, cancellationToken))
        {
            return WorkspaceOutcome.Conflict<WorkspaceView>($"A workspace named \"{name}\" already exists.");
        }

        var workspace = new Workspace { Name = name, MonthlyCreditBudget = input.MonthlyCreditBudget, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.WorkspaceCreated, AuditTarget.Workspace(workspace.Id, name),
            AuditChange.Added(new { workspace.Name, workspace.MonthlyCreditBudget }), cancellationToken);
        return WorkspaceOutcome.Ok<WorkspaceView>(new WorkspaceView(workspace.Id, name, workspace.CreatedAt, workspace.MonthlyCreditBudget, null, 0, 0));
    }

    /// <summary>Renames (instance admin) or sets the monthly budget (workspace admin).</summary>
    public async Task<WorkspaceResult<WorkspaceView>> UpdateAsync(WorkspaceScope scope, Guid id, WorkspaceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.CanRead(id))
        {
            return WorkspaceOutcome.NotFound<WorkspaceView>(NoWorkspace(id));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workspace is null)
        {
            return WorkspaceOutcome.NotFound<WorkspaceView>(NoWorkspace(id));
        }

        if (input.Name is not null && !scope.IsUnrestricted)
        {
            return WorkspaceOutcome.Forbidden<WorkspaceView>("Only an instance admin renames workspaces.");
        }

        if (!scope.Can(id, WorkspaceRole.Admin))
        {
            return WorkspaceOutcome.Forbidden<WorkspaceView>("Changing a workspace's budget needs the workspace's admin role.");
        }

        var name = input.Name?.Trim() ?? workspace.Name;
        var budget = input.ClearBudget ? null : input.MonthlyCreditBudget ?? workspace.MonthlyCreditBudget;
        if (Validate(name, budget) is { } problem)
        {
            return problem;
        }

        if (name != workspace.Name && await NameTakenAsync(db, name, id, cancellationToken))
        {
            return WorkspaceOutcome.Conflict<WorkspaceView>($"A workspace named \"{name}\" already exists.");
        }

        var before = new { workspace.Name, workspace.MonthlyCreditBudget };
        workspace.Name = name;
        workspace.MonthlyCreditBudget = budget;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.WorkspaceChanged, AuditTarget.Workspace(id, name),
            AuditChange.Between(before, new { workspace.Name, workspace.MonthlyCreditBudget }), cancellationToken);
        return await GetAsync(scope, id, cancellationToken);
    }

    /// <summary>
    /// Deletes a workspace with its groups, channels, keys, reports and share links. Refused for the first workspace and
    /// while it holds a profile no other workspace watches (delete those profiles first, so no history goes by accident).
    /// </summary>
    public async Task<WorkspaceResult<bool>> DeleteAsync(WorkspaceScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanRead(id))
        {
            return WorkspaceOutcome.NotFound<bool>(NoWorkspace(id));
        }

        if (!scope.IsUnrestricted)
        {
            return WorkspaceOutcome.Forbidden<bool>("Only an instance admin deletes workspaces.");
        }

        if (id == WorkspaceDefaults.FirstId)
        {
            return WorkspaceOutcome.Conflict<bool>("The first workspace cannot be deleted.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workspace is null)
        {
            return WorkspaceOutcome.NotFound<bool>(NoWorkspace(id));
        }

        var onlyHere = await db.WorkspaceProfiles
            .Where(l => l.WorkspaceId == id && !db.Set<WorkspaceProfile>().Any(o => o.ProfileId == l.ProfileId && o.WorkspaceId != id))
            .CountAsync(cancellationToken);
        if (onlyHere > 0)
        {
            return WorkspaceOutcome.Conflict<bool>($"The workspace is the only one watching {onlyHere} profile(s): delete them first.");
        }

        db.Workspaces.Remove(workspace);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.WorkspaceDeleted, AuditTarget.Workspace(id, workspace.Name),
            AuditChange.Removed(new { workspace.Name }), cancellationToken);
        return WorkspaceOutcome.Ok<bool>(true);
    }

    public async Task<WorkspaceResult<IReadOnlyList<WorkspaceMemberView>>> MembersAsync(WorkspaceScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!scope.CanRead(id) || !await db.Workspaces.AnyAsync(w => w.Id == id, cancellationToken))
        {
            return WorkspaceOutcome.NotFound<IReadOnlyList<WorkspaceMemberView>>(NoWorkspace(id));
        }

        var members = await db.WorkspaceMembers.AsNoTracking().Where(m => m.WorkspaceId == id)
            .Join(db.Set<MonitorUser>(), m => m.UserId, u => u.Id, (m, u) => new WorkspaceMemberView(m.UserId, u.UserName, m.Role))
            .ToListAsync(cancellationToken);
        return WorkspaceOutcome.Ok<IReadOnlyList<WorkspaceMemberView>>(members.OrderBy(m => m.UserName, StringComparer.OrdinalIgnoreCase).ToList());
    }

    public async Task<WorkspaceResult<WorkspaceMemberView>> SetMemberAsync(WorkspaceScope scope, Guid id, string userId, WorkspaceRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Enum.IsDefined(role))
        {
            return WorkspaceOutcome.Invalid<WorkspaceMemberView>("role", "The role is viewer, editor or admin.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminCheckAsync<WorkspaceMemberView>(db, scope, id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var user = await db.Set<MonitorUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.UserName }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return WorkspaceOutcome.NotFound<WorkspaceMemberView>($"No user has id {userId}.");
        }

        var member = await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == id && m.UserId == userId, cancellationToken);
        var before = member is null ? null : new { Role = member.Role };
        if (member is null)
        {
            member = new WorkspaceMember { WorkspaceId = id, UserId = userId, Role = role };
            db.WorkspaceMembers.Add(member);
        }
        else
        {
            member.Role = role;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.WorkspaceMemberSet, AuditTarget.Workspace(id, user.UserName),
            AuditChange.Between(before, new { UserId = userId, Role = role }), cancellationToken);
        return WorkspaceOutcome.Ok<WorkspaceMemberView>(new WorkspaceMemberView(userId, user.UserName, role));
    }

    public async Task<WorkspaceResult<bool>> RemoveMemberAsync(WorkspaceScope scope, Guid id, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminCheckAsync<bool>(db, scope, id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var removed = await db.WorkspaceMembers.Where(m => m.WorkspaceId == id && m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return WorkspaceOutcome.NotFound<bool>($"User {userId} is not a member of the workspace.");
        }

        await audit.RecordAsync(AuditActions.WorkspaceMemberRemoved, AuditTarget.Workspace(id, null),
            AuditChange.Removed(new { UserId = userId }), cancellationToken);
        return WorkspaceOutcome.Ok<bool>(true);
    }

    /// <summary>The workspace watches the profile from now on (a no-op when it already does).</summary>
    public async Task LinkProfileAsync(Guid workspaceId, Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WorkspaceProfiles.IgnoreQueryFilters().AnyAsync(l => l.WorkspaceId == workspaceId && l.ProfileId == profileId, cancellationToken))
        {
            return;
        }

        db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = workspaceId, ProfileId = profileId, AddedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request may have linked it at the same moment: then the outcome is the one asked for.
            if (!await IsLinkedAsync(workspaceId, profileId, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// The workspace stops watching the profile, and its groups stop holding it (a group holds only its workspace's
    /// profiles); answers how many workspaces still watch it.
    /// </summary>
    public async Task<int> UnlinkProfileAsync(Guid workspaceId, Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var step in unlinkSteps)
        {
            await step.RunAsync(db, workspaceId, profileId, cancellationToken);
        }

        await db.WorkspaceProfiles.IgnoreQueryFilters().Where(l => l.WorkspaceId == workspaceId && l.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken);
        var remaining = await db.WorkspaceProfiles.IgnoreQueryFilters().CountAsync(l => l.ProfileId == profileId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return remaining;
    }

    public async Task<IReadOnlySet<Guid>> VisibleProfileIdsAsync(WorkspaceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (scope.IsUnrestricted)
        {
            return (await db.Set<Profiles.TiktokProfile>().IgnoreQueryFilters().Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        }

        var visible = scope.VisibleWorkspaceIds.ToList();
        return (await db.WorkspaceProfiles.IgnoreQueryFilters().Where(l => visible.Contains(l.WorkspaceId))
            .Select(l => l.ProfileId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>The workspaces a profile is watched by (all of them, whoever asks: for attribution and alerts).</summary>
    public async Task<IReadOnlyList<Guid>> WorkspacesOfProfileAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.WorkspaceProfiles.IgnoreQueryFilters().Where(l => l.ProfileId == profileId)
            .OrderBy(l => l.WorkspaceId).Select(l => l.WorkspaceId).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, WorkspaceRole>> RolesOfUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkspaceMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.WorkspaceId, m.Role }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.WorkspaceId, r => r.Role);
    }

    private async Task<bool> IsLinkedAsync(Guid workspaceId, Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.WorkspaceProfiles.IgnoreQueryFilters().AnyAsync(l => l.WorkspaceId == workspaceId && l.ProfileId == profileId, cancellationToken);
    }

    private static async Task<WorkspaceResult<T>?> AdminCheckAsync<T>(MonitorDbContext db, WorkspaceScope scope, Guid id, CancellationToken cancellationToken)
    {
        if (!scope.CanRead(id) || !await db.Workspaces.AnyAsync(w => w.Id == id, cancellationToken))
        {
            return WorkspaceOutcome.NotFound<T>(NoWorkspace(id));
        }

        return scope.Can(id, WorkspaceRole.Admin) ? null : WorkspaceOutcome.Forbidden<T>("Managing members needs the workspace's admin role.");
    }

    private static async Task<bool> NameTakenAsync(MonitorDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var names = await db.Workspaces.IgnoreQueryFilters().Where(w => w.Id != except).Select(w => w.Name).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    private static WorkspaceResult<WorkspaceView>? Validate(string name, int? budget)
    {
        if (name.Length is 0 or > WorkspaceDefaults.NameLength)
        {
            return WorkspaceOutcome.Invalid<WorkspaceView>("name", $"A workspace needs a name of 1 to {WorkspaceDefaults.NameLength} characters.");
        }

        return budget is < 0
            ? WorkspaceOutcome.Invalid<WorkspaceView>("monthlyCreditBudget", "The monthly credit budget is 0 or more credits (or null for none).")
            : null;
    }

    private static string NoWorkspace(Guid id) => $"No workspace has id {id}.";
}
