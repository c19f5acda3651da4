using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Groups;

/// <summary>Creating, renaming, listing and deleting groups; the API and the dashboard both call this.</summary>
public sealed class GroupService(IDbContextFactory<MonitorDbContext> contextFactory, IOptions<GroupOptions> options, AuditTrail audit, WorkspaceScopeAccessor workspaces, TimeProvider time)
{
    public int MaxMembers => options.Value.MaxMembers;

    public async Task<IReadOnlyList<GroupSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.ProfileGroups.AsNoTracking()
            .Select(g => new
            {
                g.Id,
                g.Name,
                g.Description,
                Members = g.Members.Count,
                Own = g.Members.Where(m => m.IsOwn).Select(m => new { m.ProfileId, m.Profile!.Handle }).FirstOrDefault(),
                g.CreatedAt,
                g.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        return [.. groups
            .Select(g => new GroupSummary(g.Id, g.Name, g.Description, g.Members, g.Own?.ProfileId, g.Own?.Handle, g.CreatedAt, g.UpdatedAt))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<GroupDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, id, MaxMembers, cancellationToken);
    }

    public async Task<GroupResult> CreateAsync(string? name, string? description, CancellationToken cancellationToken)
    {
        var (cleanName, nameProblem) = GroupInput.Name(name);
        if (nameProblem is not null)
        {
            return GroupResult.Invalid("name", nameProblem);
        }

        var (cleanDescription, descriptionProblem) = GroupInput.Description(description);
        if (descriptionProblem is not null)
        {
            return GroupResult.Invalid("description", descriptionProblem);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var group = new ProfileGroup
        {
            Name = cleanName!,
            NormalizedName = GroupInput.Normalize(cleanName!),
            Description = cleanDescription,
            WorkspaceId = workspaces.Effective.TargetWorkspaceId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ProfileGroups.AnyAsync(g => g.WorkspaceId == group.WorkspaceId && g.NormalizedName == group.NormalizedName, cancellationToken))
        {
            return GroupResult.Duplicate(group.Name);
        }

        db.ProfileGroups.Add(group);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return GroupResult.Duplicate(group.Name);
        }

        await audit.RecordAsync(AuditActions.GroupCreated, AuditTarget.Group(group.Id, group.Name),
            AuditChange.Added(new { group.Name, group.Description }), cancellationToken);
        return GroupResult.Ok(new GroupDetail(group.Id, group.Name, group.Description, MaxMembers, now, now, []));
    }

    /// <summary>Renames and/or re-describes a group: a null argument leaves its field as it is; an empty description removes it.</summary>
    public async Task<GroupResult> UpdateAsync(Guid id, string? name, string? description, CancellationToken cancellationToken)
    {
        string? cleanName = null;
        if (name is not null)
        {
            (cleanName, var problem) = GroupInput.Name(name);
            if (problem is not null)
            {
                return GroupResult.Invalid("name", problem);
            }
        }

        var (cleanDescription, descriptionProblem) = GroupInput.Description(description);
        if (descriptionProblem is not null)
        {
            return GroupResult.Invalid("description", descriptionProblem);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ProfileGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return GroupResult.NoGroup(id);
        }

        var before = new { group.Name, group.Description };
        if (cleanName is not null)
        {
            var normalized = GroupInput.Normalize(cleanName);
            if (await db.ProfileGroups.AnyAsync(g => g.NormalizedName == normalized && g.Id != id, cancellationToken))
            {
                return GroupResult.Duplicate(cleanName);
            }

            group.Name = cleanName;
            group.NormalizedName = normalized;
        }

        if (description is not null)
        {
            group.Description = cleanDescription;
        }

        group.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return GroupResult.Duplicate(cleanName ?? group.Name);
        }

        await audit.RecordAsync(AuditActions.GroupChanged, AuditTarget.Group(id, group.Name),
            AuditChange.Between(before, new { group.Name, group.Description }), cancellationToken);
        return GroupResult.Ok((await ReadAsync(db, id, MaxMembers, cancellationToken))!);
    }

    /// <returns>False when there was no such group. Its memberships go with it; the profiles stay.</returns>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.ProfileGroups.Where(g => g.Id == id).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken);
        if (await db.ProfileGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        await audit.RecordAsync(AuditActions.GroupDeleted, AuditTarget.Group(id, name), AuditChange.Removed(new { Name = name }), cancellationToken);
        return true;
    }

    internal static async Task<GroupDetail?> ReadAsync(MonitorDbContext db, Guid id, int maxMembers, CancellationToken cancellationToken)
    {
        var group = await db.ProfileGroups.AsNoTracking().Where(g => g.Id == id)
            .Select(g => new { g.Id, g.Name, g.Description, g.CreatedAt, g.UpdatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }

        var members = await db.ProfileGroupMembers.AsNoTracking().Where(m => m.GroupId == id)
            .OrderByDescending(m => m.IsOwn).ThenBy(m => m.Profile!.Handle)
            .Select(m => new GroupMemberView(m.ProfileId, m.Profile!.Handle, m.Profile.Nickname, m.Profile.AvatarUrl, m.IsOwn, m.AddedAt))
            .ToListAsync(cancellationToken);
        return new GroupDetail(group.Id, group.Name, group.Description, maxMembers, group.CreatedAt, group.UpdatedAt, members);
    }

    /// <returns>False when a concurrent change took the name first (the unique index refused this one).</returns>
    private static async Task<bool> TrySaveAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }
}
