using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.LiveEvents;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>
/// Two workers (two hosts of the app's services, each with its dispatcher) and one PostgreSQL queue: their claims are
/// disjoint under a burst, and a run queued on a web node wakes an idle worker through the event bridge.
/// </summary>
public sealed class TwoWorkerQueueTests
{
    [Fact]
    public async Task BurstOf1000Runs_TwoDispatchers_EveryRunClaimedByOneWorkerAndCompletedOnce()
    {
        const int Runs = 1_000;
        await using var database = await SchedulingDatabase.CreateAsync<PostgresDatabase>();
        using var upstream = new FakeScrapeCreators().ServeSyntheticCreators(new SyntheticCreators(pages: 1, postsPerPage: 1), TimeSpan.FromMilliseconds(1));
        var worker = new Dictionary<string, string?> { ["QUEUE_NAME"] = "profile-monitor", ["Monitoring:Concurrency"] = "6" };
        await using var first = await CoreHost.StartAsync(database, worker, upstream: upstream);
        await using var second = await CoreHost.StartAsync(database, worker, upstream: upstream);
        var startedOn = new[] { new ConcurrentBag<long>(), new ConcurrentBag<long>() };
        using var firstStarts = RecordLocalStarts(first, startedOn[0]);
        using var secondStarts = RecordLocalStarts(second, startedOn[1]);
        var profiles = await AddProfilesAsync(database, Runs);

        var queued = await first.Get<MonitoringScheduleService>().QueueManualRunsAsync(profiles, CancellationToken.None);
        Assert.Equal(Runs, queued.Runs.Count(r => r.Created));
        await first.WaitForLogsAsync(logs => logs.Count(l => l.Status == MonitoringStatus.Completed) == Runs, $"{Runs} completed runs", seconds: 300);

        var logs = await first.LogsAsync();
        Assert.Equal(Runs, logs.Count);
        Assert.All(logs, l => Assert.Equal((MonitoringStatus.Completed, 1), (l.Status, l.Attempt)));
        await CoreHost.WaitUntilAsync(() => Task.FromResult(startedOn.Sum(s => s.Count) >= Runs), "every start event");
        // Disjoint claims: no run started on both workers, none twice on one, and both took part.
        Assert.Empty(startedOn[0].Intersect(startedOn[1]));
        Assert.All(startedOn, s => Assert.Equal(s.Count, s.Distinct().Count()));
        Assert.Equal(logs.Select(l => l.Id).Order(), startedOn.SelectMany(s => s).Order());
        Assert.All(startedOn, s => Assert.NotEmpty(s));
        // Executed once, seen from the data: one snapshot of each profile's one post.
        await using var db = database.CreateDbContext();
        Assert.Equal(Runs, await db.PostMetricsHistory.CountAsync());
    }

    [Fact]
    public async Task RunQueuedOnWebNode_IdleWorkerWithLongPoll_IsWokenByTheEventBridgeAndStartsIt()
    {
        await using var database = await SchedulingDatabase.CreateAsync<PostgresDatabase>();
        using var upstream = new FakeScrapeCreators().ServeSyntheticCreators(new SyntheticCreators(pages: 1, postsPerPage: 2), TimeSpan.FromMilliseconds(1));
        await using var web = await CoreHost.StartAsync(database, new() { ["QUEUE_NAME"] = "none" }, upstream: upstream);
        // The poll is long: only the NOTIFY of the web node's Queued event can start the run within the deadline below.
        await using var worker = await CoreHost.StartAsync(database,
            new() { ["QUEUE_NAME"] = "profile-monitor", ["Monitoring:QueuePoll"] = "00:00:30" }, upstream: upstream);
        await CoreHost.WaitUntilAsync(async () => await ListenersAsync(database) >= 2, "both nodes to listen for events");
        var profile = (await AddProfilesAsync(database, 1))[0];

        var queuedAt = DateTime.UtcNow;
        var run = await web.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None);
        await web.WaitForLogsAsync(logs => logs.Single().StartedAt is not null, "the worker to start the run", seconds: 10);

        await web.WaitForLogsAsync(logs => logs.Single().Status == MonitoringStatus.Completed, "the run to complete");
        var log = Assert.Single(await web.LogsAsync());
        Assert.Equal(run!.LogId, log.Id);
        Assert.True(log.StartedAt - queuedAt < TimeSpan.FromSeconds(10), $"started {(log.StartedAt - queuedAt)!.Value.TotalMilliseconds:0} ms after it was queued");
        Assert.Contains(worker.Events, e => e.Kind == MonitoringEventKind.Completed && e.LogId == log.Id);
    }

    private static IDisposable RecordLocalStarts(CoreHost host, ConcurrentBag<long> started) =>
        host.Get<MonitoringEventHub>().SubscribeToLocal(e =>
        {
            if (e.Kind == MonitoringEventKind.Started)
            {
                started.Add(e.LogId);
            }

            return Task.CompletedTask;
        });

    private static async Task<List<Guid>> AddProfilesAsync(SchedulingDatabase database, int count)
    {
        var now = DateTime.UtcNow;
        var profiles = Enumerable.Range(0, count).Select(i => new TiktokProfile { Handle = $"burst.{i}", CreatedAt = now, UpdatedAt = now }).ToList();
        await using var db = database.CreateDbContext();
        db.Profiles.AddRange(profiles);
        await db.SaveChangesAsync();
        return [.. profiles.Select(p => p.Id)];
    }

    private static async Task<int> ListenersAsync(SchedulingDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'monitor-events-listener'")
            .SingleAsync();
    }
}
