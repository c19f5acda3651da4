using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Runs;
using Monitor.Core.Statistics;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Workspaces;

namespace Monitor.Tests.Statistics;

/// <summary>
/// The statistics in a context restricted to one workspace, on both databases: its reads run side by side on
/// contexts of their own, and every one of them (runs by day and by profile, the percentiles, the counts) keeps to the
/// workspace's profiles.
/// </summary>
public abstract class WorkspaceStatisticsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Statistics_RestrictedToAWorkspace_CountOnlyItsProfiles()
    {
        await database.MigrateAsync();
        var (mine, theirs) = (await WorkspaceRows.AddWorkspaceAsync(database, "mine"), await WorkspaceRows.AddWorkspaceAsync(database, "theirs"));
        var kept = await WorkspaceRows.AddProfileAsync(database, "kept", mine);
        var other = await WorkspaceRows.AddProfileAsync(database, "other", theirs);
        await GroupTestData.PostAsync(database, kept, Now.AddDays(-3), 100);
        await GroupTestData.PostAsync(database, other, Now.AddDays(-3), 100);
        await GroupTestData.PostAsync(database, other, Now.AddDays(-2), 100);
        await RunsAsync((kept, MonitoringStatus.Completed, 10), (kept, MonitoringStatus.Completed, 30), (other, MonitoringStatus.Failed, 100));

        var restricted = await new MonitoringStatisticsQuery(RestrictedContexts.Factory(database.ContextFactory, [mine]), ReportingTimeZone.FromId("UTC"), new FakeTimeProvider(Now))
            .GetAsync(7, CancellationToken.None);
        var everyone = await new MonitoringStatisticsQuery(database.ContextFactory, ReportingTimeZone.FromId("UTC"), new FakeTimeProvider(Now))
            .GetAsync(7, CancellationToken.None);

        Assert.Equal((2, 2, 0, 20L), (restricted.Runs, restricted.Completed, restricted.Failed, restricted.Requests));
        Assert.Equal((10.0, 30.0), (restricted.MedianDurationSeconds, restricted.P95DurationSeconds));
        Assert.Equal((1, 1L, false), (restricted.ProfilesTotal, restricted.PostsTracked, restricted.PostsTrackedEstimated));
        Assert.Equal([kept], restricted.SlowestProfiles.Select(p => p.ProfileId));
        Assert.Empty(restricted.MostFailingProfiles);
        Assert.Equal((3, 1, 100.0), (everyone.Runs, everyone.Failed, everyone.P95DurationSeconds));
        Assert.Equal(3, everyone.PostsTracked);
    }

    private async Task RunsAsync(params (Guid Profile, MonitoringStatus Status, int Seconds)[] runs)
    {
        await using var db = database.CreateDbContext();
        db.Runs.AddRange(runs.Select(r => EndedRun.Of(r.Profile, r.Status, Now.AddHours(-1), r.Seconds)));

        await db.SaveChangesAsync();
    }
}

public sealed class PostgresWorkspaceStatisticsTests(PostgresDatabase database) : WorkspaceStatisticsTests<PostgresDatabase>(database);

public sealed class SqliteWorkspaceStatisticsTests(SqliteDatabase database) : WorkspaceStatisticsTests<SqliteDatabase>(database);
