using Microsoft.EntityFrameworkCore;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.RunQueries;

/// <summary>The read models the API and the dashboard share, on both providers.</summary>
public abstract class MonitoringQueriesTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTime T0 = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private CoreHost? _host;

    private MonitoringQueries Queries => _host!.Get<MonitoringQueries>();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        _host = new CoreHost(database, new Dictionary<string, string?> { ["ScrapeCreators:ApiKey"] = "" });

        // The cross-profile queries see every row, so each test starts from no profiles (their logs cascade).
        await using var db = database.CreateDbContext();
        await db.Profiles.ExecuteDeleteAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetLogsAsync_SecondPage_NewestFirstWithTotalAndHandle()
    {
        var profile = await AddProfileAsync("paged");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await AddLogAsync(profile, MonitoringStatus.Completed, T0.AddMinutes(i), pages: i + 1));
        }

        await AddLogAsync(await AddProfileAsync("other"), MonitoringStatus.Completed, T0.AddHours(1));

        var page = await Queries.GetLogsAsync(profile.Id, page: 2, pageSize: 2, CancellationToken.None);

        Assert.Equal(5, page.TotalCount);
        Assert.Equal((2, 2), (page.Page, page.PageSize));
        Assert.Equal([ids[2], ids[1]], page.Items.Select(l => l.Id));
        Assert.All(page.Items, l => Assert.Equal("paged", l.Handle));
        Assert.Equal(MonitoringStatus.Completed, page.Items[0].Status);
        Assert.Equal(MonitoringTrigger.Scheduled, page.Items[0].Trigger);
        Assert.Equal(TimeSpan.FromSeconds(30), page.Items[0].Duration);
    }

    [Fact]
    public async Task GetRunsInProgressAsync_RunningAndPending_RunningFirstWithExpectedPagesOfPreviousCompletedRun()
    {
        var busy = await AddProfileAsync("busy");
        await AddLogAsync(busy, MonitoringStatus.Completed, T0, pages: 3);
        await AddLogAsync(busy, MonitoringStatus.Completed, T0.AddMinutes(1), pages: 4);
        await AddLogAsync(busy, MonitoringStatus.Failed, T0.AddMinutes(2), pages: 1);
        var running = await AddLogAsync(busy, MonitoringStatus.Running, T0.AddMinutes(3), pages: 2);
        var fresh = await AddProfileAsync("fresh");
        var pending = await AddLogAsync(fresh, MonitoringStatus.Pending, T0.AddMinutes(4));

        var runs = await Queries.GetRunsInProgressAsync(CancellationToken.None);
        var current = await Queries.GetCurrentRunAsync(busy.Id, CancellationToken.None);
        var status = await Queries.GetStatusAsync(busy.Id, CancellationToken.None);

        Assert.Equal([running, pending], runs.Select(r => r.Id));
        Assert.Equal(("busy", MonitoringStatus.Running, 2, (int?)4), (runs[0].Handle, runs[0].Status, runs[0].PagesScraped, runs[0].ExpectedPages));
        Assert.Equal((fresh.Id, "fresh", MonitoringStatus.Pending, (int?)null), (runs[1].ProfileId, runs[1].Handle, runs[1].Status, runs[1].ExpectedPages));
        Assert.Equal(runs[0], current);
        Assert.Equal(runs[0], status!.CurrentRun);
        Assert.Equal(4, status.Logs.Count);
    }

    [Fact]
    public async Task GetRecentFailuresAsync_FailuresOfTwoProfiles_NewestFirstWithHandles()
    {
        var first = await AddProfileAsync("first");
        var second = await AddProfileAsync("second");
        var older = await AddLogAsync(first, MonitoringStatus.Failed, T0, error: "upstream 500");
        await AddLogAsync(first, MonitoringStatus.Completed, T0.AddMinutes(1));
        var newer = await AddLogAsync(second, MonitoringStatus.Failed, T0.AddMinutes(2), error: "upstream 429");

        var failures = await Queries.GetRecentFailuresAsync(10, CancellationToken.None);

        Assert.Equal([newer, older], failures.Select(f => f.Id));
        Assert.Equal(["second", "first"], failures.Select(f => f.Handle));
        Assert.Equal(["upstream 429", "upstream 500"], failures.Select(f => f.Error));
    }

    [Fact]
    public async Task GetStatusAsync_RunClosesBetweenItsStatements_ProfileAndRunsAsOfOneMoment()
    {
        var hook = new StatementHook();
        await using var host = new CoreHost(database, new Dictionary<string, string?> { ["ScrapeCreators:ApiKey"] = "" }, hook.AddTo);
        var queries = host.Get<MonitoringQueries>();
        var lifecycle = host.Get<RunLifecycle>();
        var profile = await AddProfileAsync("closing");
        var request = await lifecycle.QueueAsync(profile.Id, MonitoringTrigger.Manual, 1, null, CancellationToken.None);
        var claim = await lifecycle.ClaimAsync(request!.Log.Id, CancellationToken.None);
        hook.AfterFirstQueryOf("tiktok_profiles", () => lifecycle.CompleteAsync(claim!, new RunProgress(1, 0, 1), CancellationToken.None));

        var during = await queries.GetStatusAsync(profile.Id, CancellationToken.None);
        var after = await queries.GetStatusAsync(profile.Id, CancellationToken.None);

        Assert.True(hook.Ran, "The run was not closed between the status's statements.");
        // Read before the close: the run still running and no last run, not a completed run beside no last run.
        Assert.Equal((request.Log.Id, MonitoringStatus.Running, (DateTime?)null),
            (during!.CurrentRun?.Id, during.Logs[0].Status, during.LastMonitoringRun));
        Assert.Equal(((long?)null, MonitoringStatus.Completed, after!.Logs[0].CompletedAt),
            (after.CurrentRun?.Id, after.Logs[0].Status, after.LastMonitoringRun));
        Assert.NotNull(after.LastMonitoringRun);
    }

    private async Task<TiktokProfile> AddProfileAsync(string handle)
    {
        var profile = new TiktokProfile { Handle = handle, CreatedAt = T0, UpdatedAt = T0 };
        await using var db = database.CreateDbContext();
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile;
    }

    private async Task<long> AddLogAsync(TiktokProfile profile, MonitoringStatus status, DateTime createdAt, int pages = 0, string? error = null)
    {
        var started = status == MonitoringStatus.Pending ? (DateTime?)null : createdAt.AddSeconds(10);
        var finished = status is MonitoringStatus.Completed or MonitoringStatus.Failed;
        var log = new MonitoringRun
        {
            ProfileId = profile.Id,
            Status = status,
            Trigger = MonitoringTrigger.Scheduled,
            CreatedAt = createdAt,
            ScheduledFor = createdAt,
            StartedAt = started,
            CompletedAt = finished ? started!.Value.AddSeconds(30) : null,
            PagesScraped = pages,
            PostsScraped = pages * 10,
            Error = error,
        };
        await using var db = database.CreateDbContext();
        db.Runs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    }
}

public sealed class PostgresMonitoringQueriesTests(PostgresDatabase database) : MonitoringQueriesTests<PostgresDatabase>(database);

public sealed class SqliteMonitoringQueriesTests(SqliteDatabase database) : MonitoringQueriesTests<SqliteDatabase>(database);
