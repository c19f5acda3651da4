using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Workspaces;

namespace Monitor.Tests.Data;

/// <summary>
/// The app's context factory: unrestricted contexts come from a pool and come back clean; restricted ones are made new,
/// so a workspace's filters always apply.
/// </summary>
public abstract class ContextPoolTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Unrestricted_IsReused_WithItsTrackingAndSettingsReset()
    {
        var handle = $"pooled_{Guid.NewGuid():N}"[..20];
        MonitorDbContext first;
        await using (first = database.CreateDbContext())
        {
            first.Database.AutoSavepointsEnabled = false;
            first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            first.Profiles.Add(new TiktokProfile { Handle = handle, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await first.SaveChangesAsync();
        }

        await using var second = database.CreateDbContext();

        Assert.Same(first, second);
        Assert.True(second.Database.AutoSavepointsEnabled);
        Assert.Equal(QueryTrackingBehavior.TrackAll, second.ChangeTracker.QueryTrackingBehavior);
        Assert.Empty(second.ChangeTracker.Entries());
        Assert.Equal(1, await second.Profiles.CountAsync(p => p.Handle == handle));
    }

    [Fact]
    public async Task Pooled_CannotBeRestricted()
    {
        await using var pooled = database.CreateDbContext();
        _ = await pooled.Profiles.CountAsync();

        var refused = Assert.Throws<InvalidOperationException>(() => pooled.RestrictTo([Guid.NewGuid()]));
        Assert.Contains("pooled", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restricted_SeesOnlyItsWorkspace_AfterPooledContextsServedEveryRow()
    {
        var (a, b) = (await WorkspaceRows.AddWorkspaceAsync(database, $"pool-a-{Guid.NewGuid():N}"[..12]), await WorkspaceRows.AddWorkspaceAsync(database, $"pool-b-{Guid.NewGuid():N}"[..12]));
        var inA = await WorkspaceRows.AddProfileAsync(database, $"pool_a_{Guid.NewGuid():N}"[..16], a);
        var inB = await WorkspaceRows.AddProfileAsync(database, $"pool_b_{Guid.NewGuid():N}"[..16], b);
        await using (var everyRow = database.CreateDbContext())
        {
            Assert.Equal(2, await everyRow.Profiles.CountAsync(p => p.Id == inA || p.Id == inB));
        }

        await using var seenByA = database.CreateRestrictedDbContext(a);

        Assert.NotSame(database.CreateDbContext(), seenByA);
        Assert.Equal([inA], await seenByA.Profiles.Where(p => p.Id == inA || p.Id == inB).Select(p => p.Id).ToListAsync());
    }
}

public sealed class PostgresContextPoolTests(PostgresDatabase database) : ContextPoolTests<PostgresDatabase>(database);

public sealed class SqliteContextPoolTests(SqliteDatabase database) : ContextPoolTests<SqliteDatabase>(database);
