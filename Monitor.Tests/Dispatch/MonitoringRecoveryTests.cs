using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

public abstract class MonitoringRecoveryTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Restart_WithQueuedStoppedAndDeadRuns_LosesNothing()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        using var upstream = new FakeScrapeCreators();
        using var pageOneMayAnswer = new ManualResetEventSlim();
        using var pageOneRequested = new ManualResetEventSlim();
        Guid stopped, queued, dead;
        await using (var first = await CoreHost.StartAsync(database, new() { ["Monitoring:Concurrency"] = "1", ["Monitoring:RunsAhead"] = "0" }, upstream: upstream))
        {
            stopped = await first.StoreProfileAsync("stopped", feed: cursor =>
            {
                pageOneRequested.Set();
                pageOneMayAnswer.Wait(TimeSpan.FromSeconds(30));
                return (200, cursor is null
                    ? FakeFeed.Page([(FakeFeed.Id(1, 1), 10), (FakeFeed.Id(1, 2), 20)], "2")
                    : FakeFeed.Page([(FakeFeed.Id(1, 3), 30)], null));
            });
            queued = await first.StoreProfileAsync("queued");
            dead = await first.StoreProfileAsync("dead", enabled: true, next: DateTime.UtcNow.AddHours(1));
            var service = first.Get<MonitoringScheduleService>();
            await service.QueueManualRunAsync(stopped, CancellationToken.None);
            await first.WaitForLogsAsync(logs => logs.Any(l => l.Status == MonitoringStatus.Running), "the first run to start");
            Assert.True(pageOneRequested.Wait(TimeSpan.FromSeconds(20)), "the first run asked for its first page");
            await service.QueueManualRunAsync(queued, CancellationToken.None);

            // SIGTERM while the run waits for page 1: the page is let through, then the run stops.
            var stopping = first.StopAsync();
            await CoreHost.WaitUntilAsync(() => Task.FromResult(first.Get<RunShutdown>().Stopping.IsCancellationRequested), "the stop to begin");
            pageOneMayAnswer.Set();
            await stopping;
        }

        // A process that died mid-run leaves a running log behind, its heartbeat going stale.
        await using (var db = database.CreateDbContext())
        {
            db.Runs.Add(new MonitoringRun
            {
                ProfileId = dead,
                Status = MonitoringStatus.Running,
                Trigger = MonitoringTrigger.Scheduled,
                CreatedAt = DateTime.UtcNow,
                ScheduledFor = DateTime.UtcNow,
                StartedAt = DateTime.UtcNow,
                ClaimToken = Guid.NewGuid(),
                HeartbeatAt = DateTime.UtcNow.AddMinutes(-10),
            });
            await db.SaveChangesAsync();
        }

        await using var second = await CoreHost.StartAsync(database, upstream: upstream);
        await second.WaitForLogsAsync(logs => new[] { stopped, queued, dead }.All(p => logs.Any(l => l.ProfileId == p && l.Status == MonitoringStatus.Completed)),
            "every profile to complete a run after the restart", seconds: 40);

        var all = await second.LogsAsync();
        var stoppedLogs = all.Where(l => l.ProfileId == stopped).ToList();
        Assert.Equal([MonitoringStatus.Interrupted, MonitoringStatus.Completed], stoppedLogs.Select(l => l.Status));
        Assert.Equal((RunFailureReason.Shutdown, RetryDecision.Retrying, 1), (stoppedLogs[0].FailureReason, stoppedLogs[0].RetryDecision, stoppedLogs[0].PagesScraped));
        Assert.Equal((2, MonitoringTrigger.Manual, 2, 3), (stoppedLogs[1].Attempt, stoppedLogs[1].Trigger, stoppedLogs[1].PagesScraped, stoppedLogs[1].PostsScraped));
        Assert.Equal(MonitoringStatus.Completed, Assert.Single(all, l => l.ProfileId == queued).Status);
        var deadLogs = all.Where(l => l.ProfileId == dead).ToList();
        Assert.Equal((MonitoringStatus.Interrupted, RunFailureReason.Abandoned), (deadLogs[0].Status, deadLogs[0].FailureReason));
        // SQLite is one process: at start every running run is an orphan. On PostgreSQL only a stale heartbeat says so.
        Assert.StartsWith(database.Provider == DatabaseProvider.Sqlite ? "Interrupted: the app stopped during the run." : "Interrupted: no heartbeat for more than 120 s", deadLogs[0].Error);
        Assert.Equal((2, MonitoringStatus.Completed), (deadLogs[1].Attempt, deadLogs[1].Status));
        Assert.DoesNotContain(all, l => l.Status is MonitoringStatus.Running or MonitoringStatus.Pending);
    }

    [Fact]
    public async Task QueueNameNone_QueuesButDoesNotExecute_WorkerRunsItLater()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        using var upstream = new FakeScrapeCreators();
        Guid profile;
        await using (var web = await CoreHost.StartAsync(database, new() { ["QUEUE_NAME"] = "none" }, upstream: upstream))
        {
            profile = await web.StoreProfileAsync("webonly");
            var run = await web.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None);
            await Task.Delay(2000);

            Assert.Equal(MonitoringStatus.Pending, run!.Status);
            Assert.Equal(0, upstream.VideoRequests);
            Assert.Equal(MonitoringStatus.Pending, Assert.Single(await web.LogsAsync()).Status);
        }

        await using var worker = await CoreHost.StartAsync(database, upstream: upstream);
        await worker.WaitForLogsAsync(logs => logs.Count == 1 && logs[0].Status == MonitoringStatus.Completed, "the worker to run it");
    }

    [Fact]
    public async Task RunSweepCommand_DueProfiles_QueuesAndReturns()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        using var upstream = new FakeScrapeCreators();
        await using (var cli = await CoreHost.StartAsync(database, start: false, upstream: upstream))
        {
            await cli.StoreProfileAsync("due", enabled: true, next: DateTime.UtcNow.AddMinutes(-1));
            await cli.StoreProfileAsync("not.due", enabled: true, next: DateTime.UtcNow.AddHours(2));

            Assert.False(await MonitoringCommandLine.TryRunAsync(cli.Services, ["migrate"], CancellationToken.None));
            Assert.True(await MonitoringCommandLine.TryRunAsync(cli.Services, [MonitoringCommandLine.RunSweep], CancellationToken.None));
            // The former name is still the same verb (cron entries written for it keep working).
            Assert.True(MonitoringCommandLine.IsRunSweep(["trigger-monitoring"]));

            var log = Assert.Single(await cli.LogsAsync());
            Assert.Equal((MonitoringStatus.Pending, MonitoringTrigger.Scheduled), (log.Status, log.Trigger));
            Assert.Equal(0, upstream.VideoRequests);
        }

        await using var app = await CoreHost.StartAsync(database, upstream: upstream);
        await app.WaitForLogsAsync(logs => logs.Count == 1 && logs[0].Status == MonitoringStatus.Completed, "the next start to run it");
    }
}

public sealed class PostgresMonitoringRecoveryTests : MonitoringRecoveryTests<PostgresDatabase>;

public sealed class SqliteMonitoringRecoveryTests : MonitoringRecoveryTests<SqliteDatabase>;
