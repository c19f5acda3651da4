using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.LiveEvents;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>The run rows as the queue: the claim's order and how quickly an idle worker starts a run queued in its own process.</summary>
public abstract class RunQueueTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Claim_ManualRunQueuedLast_IsClaimedBeforeOlderScheduledRuns_ThenByDueTime()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, new() { ["QUEUE_NAME"] = "none" });
        var lifecycle = host.Get<RunLifecycle>();
        var now = DateTime.UtcNow;
        var oldest = await host.StoreProfileAsync("oldest");
        var older = await host.StoreProfileAsync("older");
        var notDue = await host.StoreProfileAsync("not.due");
        var manual = await host.StoreProfileAsync("manual");
        await lifecycle.QueueManyAsync([new(older, now.AddMinutes(-5)), new(oldest, now.AddMinutes(-30)), new(notDue, now.AddMinutes(30))],
            MonitoringTrigger.Scheduled, CancellationToken.None);
        var manualRun = await host.Get<MonitoringScheduleService>().QueueManualRunAsync(manual, CancellationToken.None);

        var first = await lifecycle.ClaimDueAsync(1, DateTime.UtcNow, CancellationToken.None);
        var rest = await lifecycle.ClaimDueAsync(10, DateTime.UtcNow, CancellationToken.None);
        var none = await lifecycle.ClaimDueAsync(10, DateTime.UtcNow, CancellationToken.None);

        Assert.Equal((manualRun!.LogId, MonitoringTrigger.Manual), (Assert.Single(first).LogId, first[0].Trigger));
        Assert.Equal([oldest, older], rest.Select(c => c.ProfileId));
        Assert.Empty(none);
        var logs = await host.LogsAsync();
        Assert.All(logs.Where(l => l.ProfileId != notDue), l =>
        {
            Assert.Equal(MonitoringStatus.Running, l.Status);
            Assert.NotNull(l.StartedAt);
            Assert.NotNull(l.HeartbeatAt);
        });
        Assert.Equal(MonitoringStatus.Pending, Assert.Single(logs, l => l.ProfileId == notDue).Status);
        // Each claim has a token of its own, and every write of the run names it.
        var claims = first.Concat(rest).ToList();
        Assert.Equal(claims.Count, claims.Select(c => c.Token).Distinct().Count());
        Assert.All(claims, c => Assert.Equal(c.Token, Assert.Single(logs, l => l.Id == c.LogId).ClaimToken));
        Assert.True(await lifecycle.HeartbeatAsync(first[0], CancellationToken.None));
        Assert.False(await lifecycle.HeartbeatAsync(first[0] with { Token = Guid.NewGuid() }, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateNow_IdleWorkerWithLongPoll_StartsTheRunAtOnceAndRunsItToTheEnd()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        // The poll is long: only the in-process wake-up can start the run within the deadline below.
        await using var host = await CoreHost.StartAsync(database, new() { ["Monitoring:QueuePoll"] = "00:00:30" });
        var profile = await host.StoreProfileAsync("now");
        var warmUp = await host.StoreProfileAsync("warm.up");
        await host.Get<MonitoringScheduleService>().QueueManualRunAsync(warmUp, CancellationToken.None);
        await host.WaitForLogsAsync(logs => logs.Count == 1 && logs[0].Status == MonitoringStatus.Completed, "the warm-up run");

        var queuedAt = DateTime.UtcNow;
        var run = await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None);
        await CoreHost.WaitUntilAsync(
            () => Task.FromResult(host.Events.Any(e => e.Kind == MonitoringEventKind.Started && e.LogId == run!.LogId)), "the run to start", seconds: 10);

        await host.WaitForLogsAsync(logs => logs.Count == 2 && logs.All(l => l.Status == MonitoringStatus.Completed), "the run to complete");
        var log = Assert.Single(await host.LogsAsync(profile));
        Assert.True(log.StartedAt - queuedAt < TimeSpan.FromSeconds(10), $"started {(log.StartedAt - queuedAt)!.Value.TotalMilliseconds:0} ms after it was queued");
    }
}

public sealed class PostgresRunQueueTests : RunQueueTests<PostgresDatabase>;

public sealed class SqliteRunQueueTests : RunQueueTests<SqliteDatabase>;
