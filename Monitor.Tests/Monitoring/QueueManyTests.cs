using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Events;
using Monitor.Core.Monitoring.Runs;
using Monitor.Core.Monitoring.Scheduling;
using Monitor.Tests.Infrastructure;
using Quartz;

namespace Monitor.Tests.Monitoring;

/// <summary>The batch queueing of the sweep and bulk triggers: one insert for the run rows, one scheduling call.</summary>
public sealed class QueueManyTests
{
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task QueueMany_ActiveDeletedAndRepeatedProfiles_QueuesEachFreeProfileOnceWithItsStartAndTrigger(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var host = await MonitoringTestHost.StartAsync(database, QueueOnly);
        var free = await host.AddProfileAsync("free");
        var busy = await host.AddProfileAsync("busy");
        var repeated = await host.AddProfileAsync("repeated");
        var active = await host.Get<MonitoringScheduleService>().QueueManualRunAsync(busy, CancellationToken.None);
        var start = DateTime.UtcNow.AddMinutes(3);
        var lifecycle = host.Get<RunLifecycle>();

        var created = await lifecycle.QueueManyAsync(
            [new(free, start), new(busy, start), new(Guid.NewGuid(), start), new(repeated, start), new(repeated, start.AddMinutes(1))],
            MonitoringTrigger.Scheduled, CancellationToken.None);

        Assert.Equal(new[] { free, repeated }.Order(), created.Select(l => l.ProfileId).Order());
        var logs = await host.LogsAsync();
        Assert.Equal(3, logs.Count);
        Assert.Equal(active!.LogId, Assert.Single(logs, l => l.ProfileId == busy).Id);
        var swept = logs.Where(l => l.ProfileId != busy).ToList();
        Assert.All(swept, l => Assert.Equal((MonitoringStatus.Pending, MonitoringTrigger.Scheduled, 1), (l.Status, l.Trigger, l.Attempt)));
        Assert.Equal(start, Assert.Single(swept, l => l.ProfileId == free).ScheduledFor, TimeSpan.FromMilliseconds(1));
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
        foreach (var log in swept)
        {
            var trigger = await scheduler.GetTrigger(RunQueue.TriggerKeyFor(log.Id));
            Assert.NotNull(trigger);
            Assert.Equal(RunQueue.JobKeyFor(log.ProfileId), trigger.JobKey);
            Assert.Equal(log.ScheduledFor, trigger.StartTimeUtc.UtcDateTime, TimeSpan.FromMilliseconds(1));
        }

        // Events reach subscribers asynchronously.
        await MonitoringTestHost.WaitUntilAsync(
            () => Task.FromResult(host.Events.Count(e => e.Kind == MonitoringEventKind.Queued && e.ProfileId != busy) >= 2), "the two queued events");
        Assert.Equal(2, host.Events.Count(e => e.Kind == MonitoringEventKind.Queued && e.ProfileId != busy));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnqueueMany_TemplateClearedAndTriggersStoredTwice_EveryRunKeepsOneTrigger(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var host = await MonitoringTestHost.StartAsync(database, QueueOnly);
        var start = DateTime.UtcNow.AddMinutes(10);
        var first = await host.Get<RunLifecycle>().QueueManyAsync(
            [new(await host.AddProfileAsync("first.a"), start), new(await host.AddProfileAsync("first.b"), start)], MonitoringTrigger.Scheduled, CancellationToken.None);
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
        // A cleared scheduler takes the set-based path's template with it: the next batch writes it again.
        await scheduler.Clear();
        var second = await host.Get<RunLifecycle>().QueueManyAsync(
            [new(await host.AddProfileAsync("second.a"), start), new(await host.AddProfileAsync("second.b"), start)], MonitoringTrigger.Scheduled, CancellationToken.None);
        // Stored again (a repair): the set-based write refuses a batch whose trigger exists, and the scheduler's API keeps one.
        await host.Get<RunQueue>().EnqueueManyAsync(second, CancellationToken.None);

        Assert.Equal(2, first.Count);
        Assert.Equal(2, second.Count);
        foreach (var log in second)
        {
            var trigger = await scheduler.GetTrigger(RunQueue.TriggerKeyFor(log.Id));
            Assert.NotNull(trigger);
            Assert.Equal(log.ScheduledFor, trigger.StartTimeUtc.UtcDateTime, TimeSpan.FromMilliseconds(1));
            Assert.Single(await scheduler.GetTriggersOfJob(RunQueue.JobKeyFor(log.ProfileId)));
        }

        Assert.Equal(provider == DatabaseProvider.Postgres, await scheduler.Exists(QuartzBulkTriggers.TemplateTriggerKey));
    }
}
