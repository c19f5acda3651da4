using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.LiveEvents;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>The batch queueing of the sweep and bulk triggers: one insert for the run rows, which are the queue.</summary>
public abstract class QueueManyTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Fact]
    public async Task QueueMany_ActiveDeletedAndRepeatedProfiles_QueuesEachFreeProfileOnceWithItsStart()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        var free = await host.StoreProfileAsync("free");
        var busy = await host.StoreProfileAsync("busy");
        var repeated = await host.StoreProfileAsync("repeated");
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
        // The rows are the queue: a claim now takes the manual run due now; the swept runs wait for their start.
        var claimNow = await lifecycle.ClaimDueAsync(10, DateTime.UtcNow, CancellationToken.None);
        Assert.Equal([active.LogId], claimNow.Select(c => c.LogId));
        var claimAtStart = await lifecycle.ClaimDueAsync(10, start.AddMinutes(1), CancellationToken.None);
        Assert.Equal(swept.Select(l => l.Id).Order(), claimAtStart.Select(c => c.LogId).Order());

        // Events reach subscribers asynchronously.
        await CoreHost.WaitUntilAsync(
            () => Task.FromResult(host.Events.Count(e => e.Kind == MonitoringEventKind.Queued && e.ProfileId != busy) >= 2), "the two queued events");
        Assert.Equal(2, host.Events.Count(e => e.Kind == MonitoringEventKind.Queued && e.ProfileId != busy));
    }
}

public sealed class PostgresQueueManyTests : QueueManyTests<PostgresDatabase>;

public sealed class SqliteQueueManyTests : QueueManyTests<SqliteDatabase>;
