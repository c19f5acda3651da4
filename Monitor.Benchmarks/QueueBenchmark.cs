using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Benchmarks;

/// <summary>
/// The run queue's start throughput: a burst of manual runs queued at once and started by the workers' dispatchers
/// (two nodes of the app on one PostgreSQL database; one on SQLite), each run closed at once as completed
/// (<see cref="CloseAtOnce"/>: claim, start event, close, totals, snapshot, schedule — no upstream), runs per second
/// from the queueing to the last close; and the claim statement alone, draining a backlog of due runs in batches.
/// </summary>
internal sealed class QueueBenchmark(BenchmarkSettings settings)
{
    /// <summary>What 100,000 profiles need: one run a day each (the default 24 h interval), or one an hour.</summary>
    public const double DailyNeed = 100_000 / 86_400.0;

    public const double HourlyNeed = 100_000 / 3_600.0;

    public static Dictionary<string, string?> Configuration() => new()
    {
        ["QUEUE_NAME"] = "profile-monitor",
        ["Monitoring:SweepCron"] = "0 0 0 1 1 ? 2099",
    };

    public sealed record Result(double RunsPerSecond, int Workers, IReadOnlyList<int> ClaimedPerWorker, double ClaimsPerSecond, int Backlog);

    public static void CloseRunsAtOnce(IServiceCollection services) => services.AddSingleton<IClaimedRunExecutor, CloseAtOnce>();

    public async Task<Result> RunAsync(BenchDatabase database)
    {
        var runs = settings.Smoke ? 200 : 2_000;
        var nodes = database.Provider == DatabaseProvider.Postgres ? [database, database.SecondNode(CloseRunsAtOnce)] : new[] { database };
        var profiles = await SeedAsync(database, runs);
        foreach (var node in nodes)
        {
            await node.Host.StartAsync();
        }

        double runsPerSecond;
        List<int> claimed;
        try
        {
            var lifecycle = database.Get<RunLifecycle>();
            // Untimed warm-up: connections, EF's compiled queries and the JIT are a start-up cost, not the queue's.
            await lifecycle.QueueManyAsync([new DueRun(profiles[0], DateTime.UtcNow)], MonitoringTrigger.Manual, CancellationToken.None);
            await database.WaitForOpenRunsAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(10));
            var before = nodes.Select(Closed).ToList();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            await lifecycle.QueueManyAsync([.. profiles.Skip(1).Select(p => new DueRun(p, DateTime.UtcNow))], MonitoringTrigger.Manual, CancellationToken.None);
            await database.WaitForOpenRunsAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(10));
            var seconds = stopwatch.Elapsed.TotalSeconds;
            claimed = [.. nodes.Select((n, i) => Closed(n) - before[i])];
            runsPerSecond = claimed.Sum() / seconds;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.Host.StopAsync();
                if (node != database)
                {
                    await node.DisposeAsync();
                }
            }
        }

        await using (var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync())
        {
            var completed = await db.Runs.CountAsync(l => l.Status == MonitoringStatus.Completed);
            if (completed != runs)
            {
                throw new InvalidOperationException($"{completed} of {runs} runs completed.");
            }
        }

        var (claimsPerSecond, backlog) = await ClaimAloneAsync(database, profiles);
        return new(runsPerSecond, nodes.Length, claimed, claimsPerSecond, backlog);
    }

    private static int Closed(BenchDatabase node) => ((CloseAtOnce)node.Get<IClaimedRunExecutor>()).Closed;

    /// <summary>The claim statement alone (no run executed): a backlog of due scheduled runs drained in batches of 10.</summary>
    private static async Task<(double ClaimsPerSecond, int Backlog)> ClaimAloneAsync(BenchDatabase database, List<Guid> profiles)
    {
        var lifecycle = database.Get<RunLifecycle>();
        var due = DateTime.UtcNow.AddMinutes(-5);
        await lifecycle.QueueManyAsync([.. profiles.Select(p => new DueRun(p, due))], MonitoringTrigger.Scheduled, CancellationToken.None);
        var claimed = 0;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (await lifecycle.ClaimDueAsync(10, DateTime.UtcNow, CancellationToken.None) is { Count: > 0 } batch)
        {
            claimed += batch.Count;
        }

        return (claimed / stopwatch.Elapsed.TotalSeconds, profiles.Count);
    }

    private static async Task<List<Guid>> SeedAsync(BenchDatabase database, int count)
    {
        var now = DateTime.UtcNow;
        var profiles = Enumerable.Range(0, count).Select(i => new TiktokProfile { Handle = $"queue_{i}", CreatedAt = now, UpdatedAt = now }).ToList();
        await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Profiles.AddRange(profiles);
        await db.SaveChangesAsync();
        return [.. profiles.Select(p => p.Id)];
    }

    /// <summary>A run that returns at once: claimed by the dispatcher, closed as completed with no pages, counted.</summary>
    private sealed class CloseAtOnce(RunLifecycle lifecycle) : IClaimedRunExecutor
    {
        private int _closed;

        public int Closed => Volatile.Read(ref _closed);

        public async Task ExecuteAsync(RunClaim claim, CancellationToken cancellationToken)
        {
            if (await lifecycle.CompleteAsync(claim, new RunProgress(0, 0, 0), cancellationToken) is not null)
            {
                Interlocked.Increment(ref _closed);
            }
        }
    }
}
