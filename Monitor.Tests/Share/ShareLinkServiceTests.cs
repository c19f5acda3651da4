using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Audit;
using Monitor.Core.Share;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Share;

/// <summary>Share links on both databases: made, opened by token, expired, revoked, protected by a password, counted.</summary>
public abstract class ShareLinkServiceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));
    private Guid _profileId;

    private ShareLinkService Links => new(database.ContextFactory, new AuditTrail(database.ContextFactory, new FixedActor(AuditActor.User("u-1", "alex", "10.0.0.7")), _time), new Monitor.Core.Workspaces.WorkspaceScopeAccessor(), _time);

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        await db.Set<ShareLink>().ExecuteDeleteAsync();
        await db.AuditLog.ExecuteDeleteAsync();
        _profileId = await GroupTestData.ProfileAsync(database, "share.client." + Guid.NewGuid().ToString("N")[..8]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_StoresOnlyTheTokensHash_OpensWithTheToken_AndRecordsWhoMadeIt()
    {
        var result = await Links.CreateAsync(new ShareLinkInput("profile", _profileId, null, null), CancellationToken.None);

        var created = Assert.IsType<CreatedShareLink>(result.Created);
        Assert.Equal(ShareToken.Length, created.Token.Length);
        Assert.Equal("/s/" + created.Token, created.Path);
        var opened = await Links.OpenAsync(created.Token, CancellationToken.None);
        await using var db = database.CreateDbContext();
        var row = await db.Set<ShareLink>().SingleAsync();
        var audit = await db.AuditLog.SingleAsync();
        Assert.Equal(ShareToken.Hash(created.Token), row.TokenHash);
        Assert.Equal((ShareTargetKind.Profile, _profileId, "alex", Now, Now.AddDays(ShareLinkLimits.DefaultDays)),
            (row.TargetKind, row.TargetId, row.CreatedBy, row.CreatedAt, row.ExpiresAt));
        Assert.NotNull(opened);
        Assert.Equal((row.Id, ShareTargetKind.Profile, _profileId, false), (opened.Id, opened.TargetKind, opened.TargetId, opened.PasswordProtected));
        Assert.Equal((AuditActions.ShareLinkCreated, "alex", "shareLink", row.Id.ToString()), (audit.Action, audit.ActorName, audit.TargetKind, audit.TargetId));
        Assert.DoesNotContain(created.Token, audit.NewValues ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_IsRefusedOnceTheLinkExpires()
    {
        var token = (await Links.CreateAsync(new ShareLinkInput("profile", _profileId, 2, null), CancellationToken.None)).Created!.Token;

        _time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        var lastSecond = await Links.OpenAsync(token, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var expired = await Links.OpenAsync(token, CancellationToken.None);
        var listed = Assert.Single(await Links.ListAsync(null, null, CancellationToken.None));

        Assert.NotNull(lastSecond);
        Assert.Null(expired);
        Assert.Equal("expired", listed.State);
    }

    [Fact]
    public async Task Revoke_StopsTheLinkAtOnce_RecordsWhoRevokedIt_AndIsDoneOnce()
    {
        var created = (await Links.CreateAsync(new ShareLinkInput("profile", _profileId, 30, null), CancellationToken.None)).Created!;
        _time.Advance(TimeSpan.FromMinutes(5));

        var revoked = await Links.RevokeAsync(created.Link.Id, CancellationToken.None);
        var again = await Links.RevokeAsync(created.Link.Id, CancellationToken.None);
        var opened = await Links.OpenAsync(created.Token, CancellationToken.None);
        var listed = Assert.Single(await Links.ListAsync(ShareTargetKind.Profile, _profileId, CancellationToken.None));

        Assert.True(revoked);
        Assert.False(again);
        Assert.Null(opened);
        Assert.Equal(("revoked", "alex", Now.AddMinutes(5)), (listed.State, listed.RevokedBy, listed.RevokedAt));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.Action == AuditActions.ShareLinkRevoked && e.ActorName == "alex"));
    }

    [Fact]
    public async Task Password_IsStoredHashed_AndOnlyTheRightOneOpens()
    {
        const string password = "client-secret-42";
        var created = (await Links.CreateAsync(new ShareLinkInput("profile", _profileId, null, password), CancellationToken.None)).Created!;

        var opened = await Links.OpenAsync(created.Token, CancellationToken.None);
        await using var db = database.CreateDbContext();
        var row = await db.Set<ShareLink>().SingleAsync();

        Assert.NotNull(opened);
        Assert.True(opened.PasswordProtected);
        Assert.True(created.Link.PasswordProtected);
        Assert.NotNull(row.PasswordHash);
        Assert.DoesNotContain(password, row.PasswordHash, StringComparison.Ordinal);
        Assert.True(ShareLinkService.CheckPassword(opened, password));
        Assert.False(ShareLinkService.CheckPassword(opened, password + "x"));
        Assert.False(ShareLinkService.CheckPassword(opened, ""));
        Assert.False(ShareLinkService.CheckPassword(opened, null));
        Assert.DoesNotContain(password, (await db.AuditLog.SingleAsync()).NewValues ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordUse_CountsEachViewAndKeepsTheLastTime()
    {
        var created = (await Links.CreateAsync(new ShareLinkInput("profile", _profileId, null, null), CancellationToken.None)).Created!;

        await Links.RecordUseAsync(created.Link.Id, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(3));
        await Links.RecordUseAsync(created.Link.Id, CancellationToken.None);
        var listed = Assert.Single(await Links.ListAsync(null, null, CancellationToken.None));

        Assert.Equal((2L, Now.AddHours(3)), (listed.UseCount, listed.LastUsedAt));
        Assert.Null(created.Link.LastUsedAt);
    }

    [Theory]
    [InlineData("page", true, 30, null, "targetKind")]
    [InlineData("1", true, 30, null, "targetKind")]
    [InlineData("profile", false, 30, null, "targetId")]
    [InlineData("group", true, 30, null, "targetId")]
    [InlineData("profile", true, 0, null, "expiresInDays")]
    [InlineData("profile", true, 366, null, "expiresInDays")]
    [InlineData("profile", true, 30, "short", "password")]
    public async Task Create_RefusesBadInput_NamingTheField(string kind, bool knownProfile, int days, string? password, string field)
    {
        var result = await Links.CreateAsync(new ShareLinkInput(kind, knownProfile ? _profileId : Guid.NewGuid(), days, password), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal([field], result.Errors!.Keys);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Set<ShareLink>().AnyAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    public async Task Open_MalformedOrUnknownToken_IsRefused(string? token)
    {
        await Links.CreateAsync(new ShareLinkInput("profile", _profileId, null, null), CancellationToken.None);

        Assert.Null(await Links.OpenAsync(token, CancellationToken.None));
    }

    private sealed class FixedActor(AuditActor actor) : IAuditActorSource
    {
        public AuditActor Current => actor;
    }
}

public sealed class PostgresShareLinkServiceTests(PostgresDatabase database) : ShareLinkServiceTests<PostgresDatabase>(database);

public sealed class SqliteShareLinkServiceTests(SqliteDatabase database) : ShareLinkServiceTests<SqliteDatabase>(database);
