using Microsoft.EntityFrameworkCore;
using Monitor.Core.Groups;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Groups;

/// <summary>A group holds only the profiles its workspace watches, on both databases.</summary>
public abstract class GroupWorkspaceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private CoreHost _host = null!;

    private GroupMembership Members => _host.Get<GroupMembership>();

    private WorkspaceService Workspaces => _host.Get<WorkspaceService>();

    public async Task InitializeAsync()
    {
        await GroupTestData.ResetAsync(database);
        _host = new CoreHost(database, []);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Put_ProfileTheGroupsWorkspaceDoesNotWatch_RefusedWithTheReason_ThenAllowedOnceLinked()
    {
        var other = await OtherWorkspaceAsync();
        var elsewhere = await GroupTestData.ProfileAsync(database, "elsewhere");
        await Workspaces.LinkProfileAsync(other, elsewhere, CancellationToken.None);
        await Workspaces.UnlinkProfileAsync(WorkspaceDefaults.FirstId, elsewhere, CancellationToken.None);
        var group = await GroupTestData.GroupAsync(_host, "First's group");

        var refused = await Members.PutAsync(group, elsewhere, null, CancellationToken.None);
        await Workspaces.LinkProfileAsync(WorkspaceDefaults.FirstId, elsewhere, CancellationToken.None);
        var allowed = await Members.PutAsync(group, elsewhere, null, CancellationToken.None);

        Assert.Equal(GroupProblem.ProfileOutsideWorkspace, refused.Problem);
        Assert.Equal("profileId", refused.Field);
        Assert.Contains("not watched by the workspace of \"First's group\"", refused.Message, StringComparison.Ordinal);
        Assert.True(allowed.Succeeded, allowed.Message);
        Assert.Equal([elsewhere], allowed.Group!.Members.Select(m => m.ProfileId));
    }

    [Fact]
    public async Task Unlink_ProfileFromAWorkspace_LeavesThatWorkspacesGroups_KeepsTheOthers()
    {
        var other = await OtherWorkspaceAsync();
        var shared = await GroupTestData.ProfileAsync(database, "shared");
        var stays = await GroupTestData.ProfileAsync(database, "stays");
        await Workspaces.LinkProfileAsync(other, shared, CancellationToken.None);
        var firstGroup = await GroupTestData.GroupAsync(_host, "First's rivals", (shared, true), (stays, false));
        var otherGroup = await OtherWorkspaceGroupAsync(other, shared);

        var remaining = await Workspaces.UnlinkProfileAsync(WorkspaceDefaults.FirstId, shared, CancellationToken.None);

        Assert.Equal(1, remaining);
        await using var db = database.CreateDbContext();
        Assert.Equal([stays], await db.ProfileGroupMembers.Where(m => m.GroupId == firstGroup).Select(m => m.ProfileId).ToListAsync());
        Assert.Equal([shared], await db.ProfileGroupMembers.Where(m => m.GroupId == otherGroup).Select(m => m.ProfileId).ToListAsync());
        Assert.True(await db.Profiles.AnyAsync(p => p.Id == shared));
    }

    private async Task<Guid> OtherWorkspaceAsync()
    {
        var created = await Workspaces.CreateAsync(new WorkspaceScope(), new WorkspaceInput("Other " + Guid.NewGuid().ToString("N")[..8], null), CancellationToken.None);
        return created.Value!.Id;
    }

    /// <summary>Stored straight: the group service creates groups in the caller's workspace, the first one here.</summary>
    private async Task<Guid> OtherWorkspaceGroupAsync(Guid workspace, Guid member)
    {
        var now = DateTime.UtcNow;
        var group = new ProfileGroup { Name = "Other's rivals", NormalizedName = "OTHER'S RIVALS", WorkspaceId = workspace, CreatedAt = now, UpdatedAt = now };
        group.Members.Add(new ProfileGroupMember { GroupId = group.Id, ProfileId = member, AddedAt = now });
        await using var db = database.CreateDbContext();
        db.ProfileGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }
}

public sealed class PostgresGroupWorkspaceTests(PostgresDatabase database) : GroupWorkspaceTests<PostgresDatabase>(database);

public sealed class SqliteGroupWorkspaceTests(SqliteDatabase database) : GroupWorkspaceTests<SqliteDatabase>(database);
