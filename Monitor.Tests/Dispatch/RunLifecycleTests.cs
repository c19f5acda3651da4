using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.LiveEvents;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>The run's owner under races and faults: duplicate deliveries, claim tokens, the reaper.</summary>
public abstract class RunLifecycleTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Fact]
    public async Task RunAsync_EightDuplicateDeliveriesAtOnce_ExecuteTheRunExactlyOnce()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        var profile = await host.StoreProfileAsync("raced", feed: cursor => (200, cursor is null
            ? FakeFeed.Page([(FakeFeed.Id(3, 1), 10), (FakeFeed.Id(3, 2), 20)], "2")
            : FakeFeed.Page([(FakeFeed.Id(3, 3), 30)], null)), latency: TimeSpan.FromMilliseconds(100));
        var run = await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None);

        using var go = new ManualResetEventSlim();
        var deliveries = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            return await host.Get<MonitoringRunner>().RunAsync(run!.LogId, CancellationToken.None);
        })).ToList();
        go.Set();
        var outcomes = await Task.WhenAll(deliveries);
        await host.WaitForLogsAsync(logs => logs.Single().Status == MonitoringStatus.Completed, "the run to complete");

        // A delivery that lost the claim reports the run as it finds it (running, or completed by the winner).
        Assert.All(outcomes, o => Assert.Equal(run!.LogId, o.LogId));
        var log = Assert.Single(await host.LogsAsync());
        Assert.Equal((2, 3, 2), (log.PagesScraped, log.PostsScraped, log.RequestsMade));
        await CoreHost.WaitUntilAsync(() => Task.FromResult(host.Events.Any(e => e.Kind == MonitoringEventKind.Completed)), "the completed event");
        Assert.Single(host.Events, e => e.Kind == MonitoringEventKind.Started);
        Assert.Single(host.Events, e => e.Kind == MonitoringEventKind.Completed);
        await using var db = database.CreateDbContext();
        Assert.Equal(3, await db.PostMetricsHistory.CountAsync());
        Assert.Equal(1, await db.ProfileMetricsHistory.CountAsync());
    }

    [Fact]
    public async Task QueueManualRun_EightUpdateNowAtOnce_QueueOneRun()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        var profile = await host.StoreProfileAsync("clicked");

        using var go = new ManualResetEventSlim();
        var clicks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            return await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None);
        })).ToList();
        go.Set();
        var runs = await Task.WhenAll(clicks);

        var log = Assert.Single(await host.LogsAsync());
        Assert.All(runs, r => Assert.Equal(log.Id, r!.LogId));
        Assert.Single(runs, r => r!.Created);
    }

    [Fact]
    public async Task StaleOwner_AfterTheReaperInterruptedTheRun_ItsWritesAreRefused()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-30));
        await using var host = await CoreHost.StartAsync(database, new() { ["QUEUE_NAME"] = "none", ["Monitoring:StaleRunAfter"] = "00:01:00" }, time);
        var lifecycle = host.Get<RunLifecycle>();
        var profile = await host.StoreProfileAsync("late");
        var request = await lifecycle.QueueAsync(profile, MonitoringTrigger.Manual, 1, null, CancellationToken.None);
        var claim = await lifecycle.ClaimAsync(request!.Log.Id, CancellationToken.None);
        Assert.NotNull(claim);
        Assert.Null(await lifecycle.ClaimAsync(request.Log.Id, CancellationToken.None));

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await lifecycle.ReapAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await lifecycle.ReapAsync(CancellationToken.None));
        PostSnapshot post = new() { AwemeId = FakeFeed.Id(4, 1), Metrics = new PostMetrics(5, null, null, null, null) };

        Assert.False(await lifecycle.RecordPageAsync(claim, [post], time.GetUtcNow().UtcDateTime, new RunProgress(1, 1, 1), CancellationToken.None));
        Assert.False(await lifecycle.HeartbeatAsync(claim, CancellationToken.None));
        Assert.Null(await lifecycle.CompleteAsync(claim, new RunProgress(1, 1, 1), CancellationToken.None));
        Assert.Null(await lifecycle.FailAsync(claim, new RunProgress(1, 1, 1), new RunFailure(RunFailureReason.Unexpected, "late"), CancellationToken.None));
        Assert.Equal(0, await lifecycle.ReapAsync(CancellationToken.None));

        var logs = await host.LogsAsync(profile);
        Assert.Equal(2, logs.Count);
        Assert.Equal((MonitoringStatus.Interrupted, RunFailureReason.Abandoned, RetryDecision.Retrying, 0),
            (logs[0].Status, logs[0].FailureReason!.Value, logs[0].RetryDecision!.Value, logs[0].PagesScraped));
        Assert.Equal((MonitoringStatus.Pending, 2, MonitoringTrigger.Manual), (logs[1].Status, logs[1].Attempt, logs[1].Trigger));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Posts.CountAsync());

        // The retry's owner keeps its run alive by heartbeats: older than the bound since its claim, but not since its last beat.
        var retry = await lifecycle.ClaimAsync(logs[1].Id, CancellationToken.None);
        Assert.NotEqual(claim.Token, retry!.Token);
        time.Advance(TimeSpan.FromSeconds(45));
        Assert.True(await lifecycle.HeartbeatAsync(retry, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(0, await lifecycle.ReapAsync(CancellationToken.None));
        Assert.True(await lifecycle.RecordPageAsync(retry, [post], time.GetUtcNow().UtcDateTime, new RunProgress(1, 1, 1), CancellationToken.None));
        Assert.NotNull(await lifecycle.CompleteAsync(retry, new RunProgress(1, 1, 1), CancellationToken.None));
    }

    [Fact]
    public async Task Reaper_RunWhoseFailureCouldNotBeWritten_IsInterruptedAndRetried()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        // Behind the wall clock, so that the retry, due "now" on this clock, is due at once for Quartz too.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-30));
        await using var host = await CoreHost.StartAsync(database,
            new() { ["Monitoring:StaleRunAfter"] = "00:01:00", ["Monitoring:ReaperPeriod"] = "00:00:10", ["ScrapeCreators:MaxRetryAttempts"] = "0" }, time);
        var broken = true;
        var profile = await host.StoreProfileAsync("unlucky", feed: _ => broken
            ? (503, """{"success":false,"message":"down"}""")
            : (200, FakeFeed.Page([(FakeFeed.Id(5, 1), 7)], null)));
        await using (var db = database.CreateDbContext())
        {
            await DatabaseFaults.FailUpdatesToStatusAsync(db, "failed");
        }

        // Queued far ahead so that only this test delivers it.
        var request = await host.Get<RunLifecycle>().QueueAsync(profile, MonitoringTrigger.Manual, 1, time.GetUtcNow().UtcDateTime.AddDays(2), CancellationToken.None);
        var outcome = await host.Get<MonitoringRunner>().RunAsync(request!.Log.Id, CancellationToken.None);

        Assert.Equal((MonitoringStatus.Running, RunFailureReason.UpstreamUnavailable), (outcome.Status, outcome.FailureReason));
        Assert.Equal(MonitoringStatus.Running, Assert.Single(await host.LogsAsync()).Status);
        await using (var db = database.CreateDbContext())
        {
            await DatabaseFaults.ClearAsync(db);
        }

        broken = false;
        time.Advance(TimeSpan.FromSeconds(70));
        await host.WaitForLogsAsync(logs => logs.Count == 2 && logs[1].Status == MonitoringStatus.Completed, "the reaper to interrupt the run and its retry to complete");

        var logs = await host.LogsAsync();
        Assert.Equal((MonitoringStatus.Interrupted, RunFailureReason.Abandoned, RetryDecision.Retrying),
            (logs[0].Status, logs[0].FailureReason!.Value, logs[0].RetryDecision!.Value));
        Assert.Equal((2, MonitoringTrigger.Manual), (logs[1].Attempt, logs[1].Trigger));
    }
}

public sealed class PostgresRunLifecycleTests : RunLifecycleTests<PostgresDatabase>;

public sealed class SqliteRunLifecycleTests : RunLifecycleTests<SqliteDatabase>;
