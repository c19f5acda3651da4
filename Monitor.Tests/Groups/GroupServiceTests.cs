using Microsoft.EntityFrameworkCore;
using Monitor.Core.Groups;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Groups;

/// <summary>Groups and their membership rules, on both databases.</summary>
public abstract class GroupServiceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private CoreHost _host = null!;

    private GroupService Groups => _host.Get<GroupService>();

    private GroupMembership Members => _host.Get<GroupMembership>();

    public async Task InitializeAsync()
    {
        await GroupTestData.ResetAsync(database);
        _host = new CoreHost(database, [new("Groups:MaxMembers", "3")]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_TrimsAndLists_ThenRenameAndClearDescription()
    {
        var created = await Groups.CreateAsync("  Rivals  ", " Fashion brands ", CancellationToken.None);
        Assert.True(created.Succeeded);
        Assert.Equal("Rivals", created.Group!.Name);
        Assert.Equal("Fashion brands", created.Group.Description);

        var renamed = await Groups.UpdateAsync(created.Group.Id, "Competitors", "", CancellationToken.None);
        var kept = await Groups.UpdateAsync(created.Group.Id, null, null, CancellationToken.None);

        Assert.Equal("Competitors", renamed.Group!.Name);
        Assert.Null(renamed.Group.Description);
        Assert.Equal("Competitors", kept.Group!.Name);
        var listed = Assert.Single(await Groups.ListAsync(CancellationToken.None));
        Assert.Equal("Competitors", listed.Name);
        Assert.Equal(0, listed.MemberCount);
    }

    [Theory]
    [InlineData(null, "name")]
    [InlineData("   ", "name")]
    [InlineData("bad\u0001name", "name")]
    public async Task Create_InvalidName_NamesTheField(string? name, string field)
    {
        var result = await Groups.CreateAsync(name, null, CancellationToken.None);

        Assert.Equal(GroupProblem.InvalidField, result.Problem);
        Assert.Equal(field, result.Field);
    }

    [Fact]
    public async Task Create_TooLongNameOrDescription_NamesTheField()
    {
        var longName = await Groups.CreateAsync(new string('n', GroupRules.NameLength + 1), null, CancellationToken.None);
        var longDescription = await Groups.CreateAsync("ok", new string('d', GroupRules.DescriptionLength + 1), CancellationToken.None);

        Assert.Equal("name", longName.Field);
        Assert.Equal("description", longDescription.Field);
    }

    [Fact]
    public async Task CreateOrRename_SameNameInAnotherCase_IsADuplicate()
    {
        await Groups.CreateAsync("Rivals", null, CancellationToken.None);
        var other = await Groups.CreateAsync("Others", null, CancellationToken.None);

        var duplicate = await Groups.CreateAsync("RIVALS", null, CancellationToken.None);
        var renamed = await Groups.UpdateAsync(other.Group!.Id, "rivals", null, CancellationToken.None);
        var sameGroupNewCase = await Groups.UpdateAsync(other.Group.Id, "OTHERS", null, CancellationToken.None);

        Assert.Equal(GroupProblem.DuplicateName, duplicate.Problem);
        Assert.Equal(GroupProblem.DuplicateName, renamed.Problem);
        Assert.True(sameGroupNewCase.Succeeded);
    }

    [Fact]
    public async Task Members_OwnMarkMoves_AtMostOneOwn_AndAProfileCanBeInSeveralGroups()
    {
        var us = await GroupTestData.ProfileAsync(database, "us");
        var them = await GroupTestData.ProfileAsync(database, "them");
        var first = await GroupTestData.GroupAsync(_host, "First", (us, true), (them, false));
        var second = await GroupTestData.GroupAsync(_host, "Second", (us, false));

        var moved = await Members.PutAsync(first, them, true, CancellationToken.None);
        var unchanged = await Members.PutAsync(first, us, null, CancellationToken.None);

        Assert.Equal([them], moved.Group!.Members.Where(m => m.IsOwn).Select(m => m.ProfileId));
        Assert.Equal("them", moved.Group.Members[0].Handle);
        Assert.Equal(2, unchanged.Group!.Members.Count);
        Assert.False(unchanged.Group.Members.Single(m => m.ProfileId == us).IsOwn);
        var secondGroup = await Groups.GetAsync(second, CancellationToken.None);
        Assert.False(Assert.Single(secondGroup!.Members).IsOwn);
        var list = await Groups.ListAsync(CancellationToken.None);
        Assert.Equal("them", list.Single(g => g.Id == first).OwnHandle);
    }

    [Fact]
    public async Task Members_UnknownGroupProfileOrMember_AreTold()
    {
        var profile = await GroupTestData.ProfileAsync(database, "solo");
        var group = await GroupTestData.GroupAsync(_host, "Solo group");

        Assert.Equal(GroupProblem.GroupNotFound, (await Members.PutAsync(Guid.NewGuid(), profile, null, CancellationToken.None)).Problem);
        Assert.Equal(GroupProblem.ProfileNotFound, (await Members.PutAsync(group, Guid.NewGuid(), null, CancellationToken.None)).Problem);
        Assert.Equal(GroupProblem.NotAMember, (await Members.RemoveAsync(group, profile, CancellationToken.None)).Problem);
        Assert.Equal(GroupProblem.GroupNotFound, (await Groups.UpdateAsync(Guid.NewGuid(), "x", null, CancellationToken.None)).Problem);
    }

    [Fact]
    public async Task Members_BeyondTheCap_AreRefused_ReAddingAMemberIsNot()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await GroupTestData.ProfileAsync(database, $"capped{i}"));
        }

        var group = await GroupTestData.GroupAsync(_host, "Capped", (ids[0], false), (ids[1], false), (ids[2], false));

        var refused = await Members.PutAsync(group, ids[3], null, CancellationToken.None);
        var again = await Members.PutAsync(group, ids[2], true, CancellationToken.None);

        Assert.Equal(GroupProblem.GroupFull, refused.Problem);
        Assert.Contains("3 profiles", refused.Message, StringComparison.Ordinal);
        Assert.True(again.Succeeded);
        Assert.Equal(3, again.Group!.Members.Count);
    }

    [Fact]
    public async Task Delete_GroupOrProfile_CascadesTheMembershipOnly()
    {
        var kept = await GroupTestData.ProfileAsync(database, "kept");
        var deleted = await GroupTestData.ProfileAsync(database, "deleted");
        var gone = await GroupTestData.GroupAsync(_host, "Gone", (kept, true));
        var stays = await GroupTestData.GroupAsync(_host, "Stays", (kept, false), (deleted, true));

        Assert.True(await Groups.DeleteAsync(gone, CancellationToken.None));
        Assert.False(await Groups.DeleteAsync(gone, CancellationToken.None));
        await using (var db = database.CreateDbContext())
        {
            await db.Profiles.Where(p => p.Id == deleted).ExecuteDeleteAsync();
        }

        var remaining = await Groups.GetAsync(stays, CancellationToken.None);
        Assert.Equal([kept], remaining!.Members.Select(m => m.ProfileId));
        await using var check = database.CreateDbContext();
        Assert.True(await check.Profiles.AnyAsync(p => p.Id == kept));
        Assert.Equal(1, await check.ProfileGroupMembers.CountAsync());
    }

    [Fact]
    public async Task Remove_Member_LeavesTheOthers()
    {
        var a = await GroupTestData.ProfileAsync(database, "member.a");
        var b = await GroupTestData.ProfileAsync(database, "member.b");
        var group = await GroupTestData.GroupAsync(_host, "Pair", (a, true), (b, false));

        var result = await Members.RemoveAsync(group, a, CancellationToken.None);

        Assert.Equal([b], result.Group!.Members.Select(m => m.ProfileId));
    }
}

public sealed class PostgresGroupServiceTests(PostgresDatabase database) : GroupServiceTests<PostgresDatabase>(database);

public sealed class SqliteGroupServiceTests(SqliteDatabase database) : GroupServiceTests<SqliteDatabase>(database);
