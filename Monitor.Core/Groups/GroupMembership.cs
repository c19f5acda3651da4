using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Groups;

/// <summary>
/// Who is in a group and which profile is "us". Rules: a group holds at most <c>Groups:MaxMembers</c> profiles; at most
/// one of them is own, and marking another one moves the mark; a profile can be in any number of groups, but only of the
/// workspaces that watch it (unlinking it from a workspace takes it out of that workspace's groups).
/// </summary>
public sealed class GroupMembership(IDbContextFactory<MonitorDbContext> contextFactory, IOptions<GroupOptions> options, AuditTrail audit, TimeProvider time)
{
    /// <summary>Adds the profile (idempotent) and, when <paramref name="isOwn"/> is given, sets or clears its own mark.</summary>
    public async Task<GroupResult> PutAsync(Guid groupId, Guid profileId, bool? isOwn, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ProfileGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return GroupResult.NoGroup(groupId);
        }

        var handle = await db.Profiles.Where(p => p.Id == profileId).Select(p => p.Handle).SingleOrDefaultAsync(cancellationToken);
        if (handle is null)
        {
            return GroupResult.NoProfile(profileId);
        }

        if (!await db.WorkspaceProfiles.IgnoreQueryFilters().AnyAsync(l => l.WorkspaceId == group.WorkspaceId && l.ProfileId == profileId, cancellationToken))
        {
            return new GroupResult(GroupProblem.ProfileOutsideWorkspace, Field: "profileId",
                Message: $"@{handle} is not watched by the workspace of \"{group.Name}\"; add it to that workspace first.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var member = await db.ProfileGroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.ProfileId == profileId, cancellationToken);
        object before = member is null ? new { Member = false } : new { Member = true, member.IsOwn };
        if (member is null)
        {
            var max = options.Value.MaxMembers;
            if (await db.ProfileGroupMembers.CountAsync(m => m.GroupId == groupId, cancellationToken) >= max)
            {
                return new GroupResult(GroupProblem.GroupFull, Field: "profileId",
                    Message: $"\"{group.Name}\" already holds {max} profiles, the most a group may hold (Groups:MaxMembers); remove one first.");
            }

            member = new ProfileGroupMember { GroupId = groupId, ProfileId = profileId, AddedAt = now };
            db.ProfileGroupMembers.Add(member);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (isOwn == true)
        {
            // Cleared first, in the same transaction: the filtered unique index would refuse two own rows even for a moment.
            await db.ProfileGroupMembers.Where(m => m.GroupId == groupId && m.IsOwn && m.ProfileId != profileId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsOwn, false), cancellationToken);
        }

        if (isOwn is { } own)
        {
            member.IsOwn = own;
        }

        group.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex) || DatabaseErrors.IsForeignKeyViolation(ex))
        {
            // A concurrent change added the same profile, marked another one own, or deleted the group or the profile.
            return new GroupResult(GroupProblem.ConcurrentChange, Field: "profileId",
                Message: "The group changed at the same moment; read it again and retry.");
        }

        await audit.RecordAsync(AuditActions.GroupMemberSet, AuditTarget.Group(groupId, group.Name),
            AuditChange.Between(before, new { Member = true, member.IsOwn, ProfileId = profileId }), cancellationToken);
        return GroupResult.Ok((await GroupService.ReadAsync(db, groupId, options.Value.MaxMembers, cancellationToken))!);
    }

    public async Task<GroupResult> RemoveAsync(Guid groupId, Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.ProfileGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return GroupResult.NoGroup(groupId);
        }

        var removed = await db.ProfileGroupMembers.Where(m => m.GroupId == groupId && m.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return new GroupResult(GroupProblem.NotAMember, Field: "profileId", Message: $"Profile {profileId} is not in this group.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.ProfileGroups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.UpdatedAt, now), cancellationToken);
        await audit.RecordAsync(AuditActions.GroupMemberRemoved, AuditTarget.Group(groupId, name),
            AuditChange.Between(new { Member = true, ProfileId = profileId }, new { Member = false, ProfileId = profileId }), cancellationToken);
        return GroupResult.Ok((await GroupService.ReadAsync(db, groupId, options.Value.MaxMembers, cancellationToken))!);
    }
}
