using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.LiveEvents;
using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Scheduling;

/// <summary>Queueing, ordering, concurrency and retries through the run queue, with the real runner against the fake upstream.</summary>
public abstract class MonitoringSchedulingTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Fact]
    public async Task Sweep_TwoSweepsInARow_QueuesEachDueProfileOnce()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        var now = DateTime.UtcNow;
        var due1 = await host.StoreProfileAsync("due.one", enabled: true, next: now.AddMinutes(-5));
        var due2 = await host.StoreProfileAsync("due.two", enabled: true, next: now);
        await host.StoreProfileAsync("later", enabled: true, next: now.AddHours(2));
        await host.StoreProfileAsync("off", enabled: false, next: now.AddMinutes(-5));

        var first = await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None);
        var second = await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        var logs = await host.LogsAsync();
        Assert.Equal(new[] { due1, due2 }.Order(), logs.Select(l => l.ProfileId).Order());
        Assert.All(logs, l => Assert.Equal((MonitoringStatus.Pending, MonitoringTrigger.Scheduled, 1), (l.Status, l.Trigger, l.Attempt)));
        // The rows are the queue: both wait, due now, for a worker's claim.
        Assert.All(logs, l => Assert.True(l.ScheduledFor <= DateTime.UtcNow, $"Run {l.Id} is due at {l.ScheduledFor:O}"));
    }

    [Fact]
    public async Task SetMonitoring_OnThenOff_FirstRunQueuedAtOnceAndScheduledRunWithdrawnButManualKept()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        var service = host.Get<MonitoringScheduleService>();
        var settings = host.Get<ProfileSchedule>();
        var scheduled = await host.StoreProfileAsync("scheduled");
        var manual = await host.StoreProfileAsync("manual");

        var on = await settings.ChangeAsync(scheduled, new(Enabled: true), CancellationToken.None);
        var onAgain = await settings.ChangeAsync(scheduled, new(Enabled: true), CancellationToken.None);
        await settings.ChangeAsync(manual, new(Enabled: true), CancellationToken.None);

        Assert.True(on!.Enabled);
        var firstRun = Assert.Single(await host.LogsAsync(scheduled));
        Assert.Equal((MonitoringStatus.Pending, MonitoringTrigger.Scheduled), (firstRun.Status, firstRun.Trigger));
        Assert.Equal(firstRun.Id, on.CurrentRun!.Id);
        Assert.Equal(firstRun.ScheduledFor, on.NextMonitoringRun!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(firstRun.Id, onAgain!.CurrentRun!.Id);
        Assert.Equal(0, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
        var manualRun = await service.QueueManualRunAsync(manual, CancellationToken.None);
        Assert.Equal(MonitoringTrigger.Manual, manualRun!.Trigger);

        var off = await settings.ChangeAsync(scheduled, new(Enabled: false), CancellationToken.None);
        var manualOff = await settings.ChangeAsync(manual, new(Enabled: false), CancellationToken.None);

        Assert.False(off!.Enabled);
        Assert.Null(off.NextMonitoringRun);
        Assert.Null(off.CurrentRun);
        Assert.Empty(await host.LogsAsync(scheduled));
        Assert.Equal(manualRun.LogId, manualOff!.CurrentRun!.Id);
        Assert.Equal(MonitoringStatus.Pending, Assert.Single(await host.LogsAsync(manual)).Status);
        Assert.Null(await settings.ChangeAsync(Guid.NewGuid(), new(Enabled: true), CancellationToken.None));
    }

    [Fact]
    public async Task QueueManualRun_SlotsFull_ManualStartsBeforeWaitingScheduled()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        using var release = new ManualResetEventSlim();
        // One run per slot: which waiting run starts first is the queue's order (with runs ahead, UpstreamSlotsTests).
        await using var host = await CoreHost.StartAsync(database, new() { ["Monitoring:Concurrency"] = "1", ["Monitoring:RunsAhead"] = "0" });
        var holder = await host.StoreProfileAsync("holder", feed: _ =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return (200, FakeFeed.Page([(FakeFeed.Id(9, 1), 1)], null));
        });
        var service = host.Get<MonitoringScheduleService>();
        var scheduled = await host.StoreProfileAsync("scheduled", enabled: true, next: DateTime.UtcNow.AddMinutes(-1));
        var manual = await host.StoreProfileAsync("manual");

        await service.QueueManualRunAsync(holder, CancellationToken.None);
        await CoreHost.WaitUntilAsync(() => Task.FromResult(Started(host).Count == 1), "the holder run to start");
        Assert.Equal(1, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
        // Let the scheduled trigger come due and wait behind the full slot before the manual one is queued.
        await Task.Delay(1500);
        var second = await service.QueueManualRunAsync(manual, CancellationToken.None);
        var again = await service.QueueManualRunAsync(manual, CancellationToken.None);
        release.Set();
        await host.WaitForLogsAsync(logs => logs.Count == 3 && logs.All(l => l.Status == MonitoringStatus.Completed), "all three runs to complete");

        Assert.True(second!.Created);
        Assert.Equal((second.LogId, false), (again!.LogId, again.Created));
        Assert.Equal([holder, manual, scheduled], Started(host).Select(e => e.ProfileId));
        Assert.Equal(1, CoreHost.MaxOverlap(await host.LogsAsync()));
    }

    [Fact]
    public async Task Runs_ManyQueuedWithDuplicateDeliveries_EachRunsOnceWithinTheConcurrencyLimit()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, new() { ["Monitoring:Concurrency"] = "2", ["Monitoring:RunsAhead"] = "0" });
        var service = host.Get<MonitoringScheduleService>();
        var profiles = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var n = i;
            profiles.Add(await host.StoreProfileAsync($"p{i}", feed: _ => (200, FakeFeed.Page([(FakeFeed.Id(8, n), 10)], null))));
        }

        var runs = new List<long>();
        foreach (var id in profiles)
        {
            runs.Add((await service.QueueManualRunAsync(id, CancellationToken.None))!.LogId);
        }

        await host.WaitForLogsAsync(logs => logs.Count == 6 && logs.All(l => l.Status == MonitoringStatus.Completed), "six completed runs");
        // Duplicate starts of the same runs (a late or repeated start): the claim refuses them, nothing runs twice.
        foreach (var runId in runs)
        {
            for (var d = 0; d < 2; d++)
            {
                Assert.Equal(MonitoringStatus.Completed, (await host.Get<MonitoringRunner>().RunAsync(runId, CancellationToken.None)).Status);
            }
        }

        Assert.Equal(6, Started(host).Select(e => e.LogId).Distinct().Count());
        Assert.Equal(6, Started(host).Count);
        Assert.InRange(CoreHost.MaxOverlap(await host.LogsAsync()), 1, 2);
        await using var db = database.CreateDbContext();
        Assert.Equal(6, db.PostMetricsHistory.Count());
    }

    [Fact]
    public async Task FailedRun_Retryable_TriedMaxAttemptsThenGivesUp()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, new() { ["Monitoring:RetryBaseDelay"] = "00:00:00.200" });
        var profile = await host.StoreProfileAsync("flaky", enabled: true, next: DateTime.UtcNow,
            feed: _ => (503, """{"success":false,"message":"maintenance"}"""));

        Assert.Equal(1, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
        await host.WaitForLogsAsync(logs => logs.Count == 3 && logs[2].RetryDecision == RetryDecision.GaveUp, "three failed attempts", seconds: 40);

        var logs = await host.LogsAsync(profile);
        Assert.Equal([1, 2, 3], logs.Select(l => l.Attempt));
        Assert.All(logs, l => Assert.Equal((MonitoringStatus.Failed, MonitoringTrigger.Scheduled, RunFailureReason.UpstreamUnavailable), (l.Status, l.Trigger, l.FailureReason)));
        Assert.Equal([RetryDecision.Retrying, RetryDecision.Retrying, RetryDecision.GaveUp], logs.Select(l => l.RetryDecision!.Value));
        Assert.True(logs[1].ScheduledFor >= logs[0].CompletedAt!.Value.AddMilliseconds(200));
        Assert.True(logs[2].ScheduledFor >= logs[1].CompletedAt!.Value.AddMilliseconds(400));
        Assert.True(logs[1].StartedAt >= logs[1].ScheduledFor);
    }

    private static List<MonitoringEvent> Started(CoreHost host) => [.. host.Events.Where(e => e.Kind == MonitoringEventKind.Started)];
}

public sealed class PostgresMonitoringSchedulingTests : MonitoringSchedulingTests<PostgresDatabase>;

/// <summary>The SQLite database only: what it checks does not depend on the provider.</summary>
public sealed class SqliteMonitoringSchedulingTests : MonitoringSchedulingTests<SqliteDatabase>
{
    [Theory]
    [InlineData(401, RunFailureReason.Unauthorized)]
    [InlineData(402, RunFailureReason.OutOfCredits)]
    public async Task FailedRun_NotRetryable_SingleAttemptSaysNotRetried(int status, RunFailureReason reason)
    {
        await using var database = await SchedulingDatabase.CreateAsync<SqliteDatabase>();
        await using var host = await CoreHost.StartAsync(database);
        var profile = await host.StoreProfileAsync("denied", feed: _ => (status, """{"success":false,"message":"no"}"""));

        await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None);
        await host.WaitForLogsAsync(logs => logs.Count == 1 && logs[0].RetryDecision is not null, "the decision");
        await CoreHost.WaitUntilAsync(() => Task.FromResult(host.Events.Any(e => e.Kind == MonitoringEventKind.Failed)), "the failed event");

        var log = Assert.Single(await host.LogsAsync());
        Assert.Equal((MonitoringStatus.Failed, reason, RetryDecision.NotRetryable), (log.Status, log.FailureReason!.Value, log.RetryDecision!.Value));
        var failed = Assert.Single(host.Events, e => e.Kind == MonitoringEventKind.Failed);
        Assert.Equal((reason, RetryDecision.NotRetryable, MonitoringStatus.Failed), (failed.FailureReason!.Value, failed.Retry!.Value, failed.Status));
    }
}
