using Monitor.Core.Data;
using Monitor.Core.LiveEvents;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Scheduling;

/// <summary>
/// The sweep's batch path end to end: the run rows (the queue) in one insert, each run at its own due time plus jitter,
/// and each run claimed and executed once by the real dispatcher, never before its time.
/// </summary>
public abstract class SweepBatchTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private const int Overdue = 24;
    private const int Ahead = 6;
    private static readonly TimeSpan Jitter = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Sweep_ManyDueProfilesWithJitter_QueuesEachAtItsSpreadTimeAndRunsEachOnce()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, new()
        {
            ["QUEUE_NAME"] = "all",
            ["Monitoring:SweepJitter"] = Jitter.ToString(),
        });
        var now = DateTime.UtcNow;
        var overdue = new List<Guid>();
        for (var i = 0; i < Overdue; i++)
        {
            overdue.Add(await host.StoreProfileAsync($"overdue.{i}", enabled: true, next: now.AddMinutes(-1 - i)));
        }

        // Due before the next sweep (the hourly beat): queued now for their own time, not run during this test.
        var aheadDue = now.AddMinutes(40);
        var ahead = new List<Guid>();
        for (var i = 0; i < Ahead; i++)
        {
            ahead.Add(await host.StoreProfileAsync($"ahead.{i}", enabled: true, next: aheadDue));
        }

        var sweptAt = DateTime.UtcNow;
        var queued = await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(Overdue + Ahead, queued);
        var logs = await host.LogsAsync();
        foreach (var log in logs.Where(l => ahead.Contains(l.ProfileId)))
        {
            Assert.InRange(log.ScheduledFor, aheadDue, aheadDue + Jitter);
            Assert.Equal((MonitoringStatus.Pending, MonitoringTrigger.Scheduled), (log.Status, log.Trigger));
        }

        Assert.True(logs.Where(l => ahead.Contains(l.ProfileId)).Select(l => l.ScheduledFor).Distinct().Count() > 1, "the jitter spreads the runs");
        Assert.All(logs.Where(l => overdue.Contains(l.ProfileId)), l => Assert.InRange(l.ScheduledFor, sweptAt, DateTime.UtcNow + Jitter));

        await host.WaitForLogsAsync(
            all => all.Count(l => overdue.Contains(l.ProfileId) && l.Status == MonitoringStatus.Completed) == Overdue, "every overdue run completed", seconds: 90);
        var after = await host.LogsAsync();
        Assert.Equal(Overdue + Ahead, after.Count);
        Assert.All(after.Where(l => overdue.Contains(l.ProfileId)), l =>
        {
            Assert.Equal((MonitoringStatus.Completed, 1), (l.Status, l.Attempt));
            // Never started before its spread time.
            Assert.True(l.StartedAt >= l.ScheduledFor.AddMilliseconds(-1), $"run {l.Id} started {l.StartedAt:O} before {l.ScheduledFor:O}");
        });
        Assert.All(after.Where(l => ahead.Contains(l.ProfileId)), l => Assert.Equal(MonitoringStatus.Pending, l.Status));
        await CoreHost.WaitUntilAsync(
            () => Task.FromResult(host.Events.Count(e => e.Kind == MonitoringEventKind.Completed) >= Overdue), "the completed events");
        var started = host.Events.Where(e => e.Kind == MonitoringEventKind.Started).GroupBy(e => e.LogId).ToList();
        Assert.Equal(Overdue, started.Count);
        Assert.All(started, g => Assert.Single(g));
    }
}

public sealed class PostgresSweepBatchTests : SweepBatchTests<PostgresDatabase>;

public sealed class SqliteSweepBatchTests : SweepBatchTests<SqliteDatabase>;
