using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Scheduling;
using Quartz;

namespace Monitor.Tests.Monitoring;

public sealed class MonitoringSchedulingTests
{
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Sweep_TwoSweepsInARow_QueuesEachDueProfileOnce(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var host = await MonitoringTestHost.StartAsync(database, QueueOnly);
        var now = DateTime.UtcNow;
        var due1 = await host.AddProfileAsync("due.one", enabled: true, next: now.AddMinutes(-5));
        var due2 = await host.AddProfileAsync("due.two", enabled: true, next: now);
        await host.AddProfileAsync("later", enabled: true, next: now.AddHours(1));
        await host.AddProfileAsync("off", enabled: false, next: now.AddMinutes(-5));

        var first = await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None);
        var second = await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        var logs = await host.LogsAsync();
        Assert.Equal([due1, due2], logs.Select(l => l.ProfileId).Order());
        Assert.All(logs, l => Assert.Equal((MonitoringStatus.Pending, MonitoringTrigger.Scheduled, 1), (l.Status, l.Trigger, l.Attempt)));
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
        foreach (var log in logs)
        {
            Assert.True(await scheduler.Exists(RunQueue.TriggerKeyFor(log.Id)));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetMonitoring_OnThenOff_DueAtSweepAndScheduledRunWithdrawnButManualKept(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var host = await MonitoringTestHost.StartAsync(database, QueueOnly);
        var service = host.Get<MonitoringScheduleService>();
        var scheduled = await host.AddProfileAsync("scheduled");
        var manual = await host.AddProfileAsync("manual");

        var on = await service.SetMonitoringAsync(scheduled, true, CancellationToken.None);
        await service.SetMonitoringAsync(manual, true, CancellationToken.None);
        Assert.True(on!.Enabled);
        Assert.NotNull(on.NextMonitoringRun);
        Assert.True(on.NextMonitoringRun <= DateTime.UtcNow);
        Assert.Equal(2, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
        var manualRun = await service.QueueManualRunAsync(manual, CancellationToken.None);
        Assert.Equal(MonitoringTrigger.Manual, manualRun!.Trigger);
        var scheduledLog = (await host.LogsAsync(scheduled)).Single();

        var off = await service.SetMonitoringAsync(scheduled, false, CancellationToken.None);
        var manualOff = await service.SetMonitoringAsync(manual, false, CancellationToken.None);

        Assert.False(off!.Enabled);
        Assert.Null(off.NextMonitoringRun);
        Assert.Null(off.CurrentRun);
        Assert.Empty(await host.LogsAsync(scheduled));
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
        Assert.False(await scheduler.Exists(RunQueue.TriggerKeyFor(scheduledLog.Id)));
        Assert.Equal(manualRun.LogId, manualOff!.CurrentRun!.Id);
        Assert.True(await scheduler.Exists(RunQueue.TriggerKeyFor(manualRun.LogId)));
        Assert.Null(await service.SetMonitoringAsync(Guid.NewGuid(), true, CancellationToken.None));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task QueueManualRun_SlotsFull_ManualStartsBeforeWaitingScheduled(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        var release = new TaskCompletionSource();
        await using var host = await MonitoringTestHost.StartAsync(database, new() { ["Monitoring:Concurrency"] = "1" });
        var holder = await host.AddProfileAsync("holder");
        host.Executor.Upstream = async (log, ct) =>
        {
            if (log.ProfileId == holder)
            {
                await release.Task.WaitAsync(ct);
            }

            return null;
        };
        var service = host.Get<MonitoringScheduleService>();
        var scheduled = await host.AddProfileAsync("scheduled", enabled: true, next: DateTime.UtcNow.AddMinutes(-1));
        var manual = await host.AddProfileAsync("manual");

        await service.QueueManualRunAsync(holder, CancellationToken.None);
        await MonitoringTestHost.WaitUntilAsync(() => Task.FromResult(host.Executor.Started.Count == 1), "the holder run to start");
        Assert.Equal(1, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
        // Let the scheduled trigger come due and wait behind the full slot before the manual one is queued.
        await Task.Delay(1500);
        var second = await service.QueueManualRunAsync(manual, CancellationToken.None);
        var again = await service.QueueManualRunAsync(manual, CancellationToken.None);
        release.SetResult();
        await host.WaitForLogsAsync(logs => logs.Count == 3 && logs.All(l => l.Status == MonitoringStatus.Completed), "all three runs to complete");

        Assert.True(second!.Created);
        Assert.Equal((second.LogId, false), (again!.LogId, again.Created));
        Assert.Equal([holder, manual, scheduled], host.Executor.Started.Select(l => l.ProfileId));
        Assert.Equal(1, host.Executor.MaxConcurrent);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Runs_ManyQueuedWithDuplicateDeliveries_NeverExceedConcurrencyNorOverlapAProfile(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var host = await MonitoringTestHost.StartAsync(database, new() { ["Monitoring:Concurrency"] = "2" });
        host.Executor.Upstream = async (_, ct) =>
        {
            await Task.Delay(150, ct);
            return null;
        };
        var service = host.Get<MonitoringScheduleService>();
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
        var profiles = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            profiles.Add(await host.AddProfileAsync($"p{i}"));
        }

        foreach (var id in profiles)
        {
            var run = await service.QueueManualRunAsync(id, CancellationToken.None);
            // At-least-once delivery: the same run fired twice more must neither overlap nor run twice.
            for (var d = 0; d < 2; d++)
            {
                await scheduler.ScheduleTrigger(TriggerBuilder.Create().WithIdentity($"dup-{run!.LogId}-{d}", RunQueue.RunGroup)
                    .ForJob(RunQueue.JobKeyFor(id)).UsingJobData(MonitoringRunJob.LogIdKey, run.LogId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .WithExecutionGroup(RunQueue.RunGroup).StartNow().Build(), TriggerConflict.Throw, CancellationToken.None);
            }
        }

        await host.WaitForLogsAsync(logs => logs.Count == 6 && logs.All(l => l.Status == MonitoringStatus.Completed), "six completed runs");
        await MonitoringTestHost.WaitUntilAsync(() => Task.FromResult(host.Executor.Finished.Count == 6), "the runs to finish");

        Assert.Equal(6, host.Executor.Started.Count);
        Assert.InRange(host.Executor.MaxConcurrent, 1, 2);
        Assert.False(host.Executor.ProfileOverlapSeen);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FailedRun_Retryable_TriedMaxAttemptsThenGivesUp(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var host = await MonitoringTestHost.StartAsync(database, new() { ["Monitoring:RetryBaseDelay"] = "00:00:00.200" },
            script: fake => fake.Upstream = (_, _) => Task.FromResult<(string, bool)?>(("Upstream 503", true)));
        var profile = await host.AddProfileAsync("flaky", enabled: true, next: DateTime.UtcNow);

        Assert.Equal(1, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
        await host.WaitForLogsAsync(logs => logs.Count == 3 && logs.All(l => l.Status == MonitoringStatus.Failed)
            && logs[2].Error!.Contains("gave up", StringComparison.Ordinal), "three failed attempts");
        await Task.Delay(500);

        var logs = await host.LogsAsync(profile);
        Assert.Equal([1, 2, 3], logs.Select(l => l.Attempt));
        Assert.All(logs, l => Assert.Equal(MonitoringTrigger.Scheduled, l.Trigger));
        Assert.True(logs[1].StartedAt >= logs[0].CompletedAt!.Value.AddMilliseconds(200));
        Assert.True(logs[2].StartedAt >= logs[1].CompletedAt!.Value.AddMilliseconds(400));
        Assert.EndsWith("gave up after 3 attempts (Monitoring:MaxAttempts).", logs[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleFailure_DefaultBackoff_Waits30ThenSixtySeconds()
    {
        await using var database = await SchedulingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await MonitoringTestHost.StartAsync(database, QueueOnly, time: time);
        var profile = await host.AddProfileAsync("flaky", enabled: true);
        var retries = host.Get<RunRetries>();
        var requests = host.Get<RunRequestStore>();
        var now = time.GetUtcNow().UtcDateTime;

        var first = (await requests.RequestAsync(profile, MonitoringTrigger.Manual, 1, null, CancellationToken.None))!.Log;
        await FailAsync(host, first.Id);
        await retries.HandleFailureAsync(new RunOutcome(first.Id, MonitoringStatus.Failed, 0, 0, "503", true), CancellationToken.None);
        await retries.HandleFailureAsync(new RunOutcome(first.Id, MonitoringStatus.Failed, 0, 0, "503", true), CancellationToken.None);
        var second = (await host.LogsAsync(profile))[^1];
        await FailAsync(host, second.Id);
        await retries.HandleFailureAsync(new RunOutcome(second.Id, MonitoringStatus.Failed, 0, 0, "503", true), CancellationToken.None);

        var logs = await host.LogsAsync(profile);
        Assert.Equal([1, 2, 3], logs.Select(l => l.Attempt));
        Assert.All(logs, l => Assert.Equal(MonitoringTrigger.Manual, l.Trigger));
        Assert.Equal(now.AddSeconds(30), logs[1].ScheduledFor);
        Assert.Equal(now.AddSeconds(60), logs[2].ScheduledFor);
        Assert.Contains("retrying (attempt 2 of 3) in 30 s", logs[0].Error, StringComparison.Ordinal);
        Assert.Contains("retrying (attempt 3 of 3) in 60 s", logs[1].Error, StringComparison.Ordinal);
    }

    private static async Task FailAsync(MonitoringTestHost host, long logId)
    {
        await using var db = await host.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        await db.MonitoringLogs.Where(l => l.Id == logId).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Status, MonitoringStatus.Failed).SetProperty(l => l.Error, "Upstream 503"));
    }

    [Theory]
    [InlineData("Invalid API key (401)")]
    [InlineData("Out of credits (402)")]
    public async Task FailedRun_NotRetryable_SingleAttemptSaysNotRetried(string error)
    {
        await using var database = await SchedulingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await MonitoringTestHost.StartAsync(database,
            script: fake => fake.Upstream = (_, _) => Task.FromResult<(string, bool)?>((error, false)));
        var profile = await host.AddProfileAsync("denied");

        await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None);
        await host.WaitForLogsAsync(logs => logs.Count == 1 && logs[0].Error?.Contains("not retried", StringComparison.Ordinal) == true, "the verdict");
        await Task.Delay(500);

        var log = Assert.Single(await host.LogsAsync());
        Assert.Equal(MonitoringStatus.Failed, log.Status);
        Assert.StartsWith(error + " — not retried", log.Error, StringComparison.Ordinal);
    }
}
