using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Audit;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Audit;

/// <summary>The log's filters, paging and retention, on both databases, through the services the API and the page use.</summary>
public abstract class AuditLogStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        await db.AuditLog.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Record_UsesTheCurrentActor_AndSkipsAChangeThatChangedNothing()
    {
        var trail = Trail(AuditActor.User("u-1", "alex", "10.0.0.7"));

        await trail.RecordAsync(AuditActions.GroupChanged, AuditTarget.Group(Guid.NewGuid(), "Rivals"),
            AuditChange.Between(new { Name = "Rivals", Description = "a" }, new { Name = "Rivals", Description = "b" }), CancellationToken.None);
        await trail.RecordAsync(AuditActions.GroupChanged, AuditTarget.Group(Guid.NewGuid(), "Same"),
            AuditChange.Between(new { Name = "Same" }, new { Name = "Same" }), CancellationToken.None);

        await using var db = database.CreateDbContext();
        var entry = await db.AuditLog.SingleAsync();
        Assert.Equal((AuditActorKind.User, "u-1", "alex", "10.0.0.7"), (entry.ActorKind, entry.ActorId, entry.ActorName, entry.SourceAddress));
        Assert.Equal(Now, entry.OccurredAt);
        Assert.Equal("{\"description\":\"a\"}", entry.OldValues);
        Assert.Equal("{\"description\":\"b\"}", entry.NewValues);
    }

    [Fact]
    public async Task List_FiltersByPeriodActorActionAndTarget_NewestFirst_PagedWithATotal()
    {
        await SeedAsync();
        var queries = new AuditLogQueries(database.ContextFactory);

        var all = await queries.ListAsync(new AuditLogQuery(PageSize: 2), CancellationToken.None);
        var second = await queries.ListAsync(new AuditLogQuery(Page: 2, PageSize: 2), CancellationToken.None);
        var byActor = await queries.ListAsync(new AuditLogQuery(Actor: "ALEX"), CancellationToken.None);
        var byPrefix = await queries.ListAsync(new AuditLogQuery(Action: "profile"), CancellationToken.None);
        var byAction = await queries.ListAsync(new AuditLogQuery(Actor: "report", Action: "profile.deleted"), CancellationToken.None);
        var byTarget = await queries.ListAsync(new AuditLogQuery(Target: "@dance"), CancellationToken.None);
        var byPeriod = await queries.ListAsync(new AuditLogQuery(From: Now.AddDays(-2), To: Now.AddMinutes(-30)), CancellationToken.None);

        Assert.Equal(5, all.TotalCount);
        Assert.Equal(["profile.added", "group.created"], all.Items.Select(e => e.Action));
        Assert.Equal([Now.AddDays(-1), Now.AddDays(-3)], second.Items.Select(e => e.OccurredAt));
        Assert.Equal(3, byActor.TotalCount);
        Assert.Equal(3, byPrefix.TotalCount);
        Assert.Equal(Now.AddDays(-3), Assert.Single(byAction.Items).OccurredAt);
        Assert.Equal(2, byTarget.TotalCount);
        Assert.Equal(["group.created", "profile.deleted"], byPeriod.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task Prune_DeletesEntriesPastTheRetention_AndZeroKeepsEverything()
    {
        await SeedAsync();

        var keepAll = await new AuditPruner(database.ContextFactory, Options.Create(new AuditOptions { RetentionDays = 0 }), _time).PruneAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(28));
        var pruned = await new AuditPruner(database.ContextFactory, Options.Create(new AuditOptions { RetentionDays = 30 }), _time).PruneAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        var left = await db.AuditLog.Select(e => e.OccurredAt).ToListAsync();
        Assert.Equal(0, keepAll);
        Assert.Equal(2, pruned);
        Assert.All(left, at => Assert.True(at >= Now.AddDays(-2)));
    }

    /// <summary>Five entries: now, 1 hour, 1 day, 3 days and 40 days ago.</summary>
    private async Task SeedAsync()
    {
        var alex = AuditActor.User("u-1", "alex", "10.0.0.7");
        var key = AuditActor.ApiKey(Guid.NewGuid(), "report script", "10.0.0.8");
        var dance = Guid.NewGuid();
        var rows = new (TimeSpan Ago, AuditActor Actor, string Action, AuditTarget Target)[]
        {
            (TimeSpan.Zero, alex, AuditActions.ProfileAdded, AuditTarget.Profile(dance, "dance")),
            (TimeSpan.FromHours(1), key, AuditActions.GroupCreated, AuditTarget.Group(Guid.NewGuid(), "Rivals")),
            (TimeSpan.FromDays(1), alex, AuditActions.ProfileDeleted, AuditTarget.Profile(Guid.NewGuid(), "cooking")),
            (TimeSpan.FromDays(3), key, AuditActions.ProfileDeleted, AuditTarget.Profile(dance, "dance")),
            (TimeSpan.FromDays(40), alex, AuditActions.BudgetChanged, AuditTarget.Settings("credit budget")),
        };
        foreach (var (ago, actor, action, target) in rows.Reverse())
        {
            var at = new FakeTimeProvider(new DateTimeOffset(Now - ago));
            await new AuditTrail(database.ContextFactory, new FixedActor(actor), at).RecordAsync(action, target, AuditChange.None, CancellationToken.None);
        }
    }

    private AuditTrail Trail(AuditActor actor) => new(database.ContextFactory, new FixedActor(actor), _time);

    private sealed class FixedActor(AuditActor actor) : IAuditActorSource
    {
        public AuditActor Current => actor;
    }
}

public sealed class PostgresAuditLogStoreTests(PostgresDatabase database) : AuditLogStoreTests<PostgresDatabase>(database);

public sealed class SqliteAuditLogStoreTests(SqliteDatabase database) : AuditLogStoreTests<SqliteDatabase>(database);
