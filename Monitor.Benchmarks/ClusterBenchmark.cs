using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;

namespace Monitor.Benchmarks;

/// <summary>
/// The README's deployment at 10,000 profiles: a web process (<c>QUEUE_NAME=none</c>) and two worker processes of the
/// app (Monitor.Web.dll) on one PostgreSQL database, the upstream a process of its own over HTTP with a fixed latency
/// (the tests' fake upstream, one page of posts a profile: see <see cref="BenchmarkSettings.ClusterPostsPerPage"/>).
/// A day: every profile made due, the sweep's code queues them (timed), the workers run them; the time against the
/// upstream's bound (requests × latency ÷ the cluster's slots), the run queue's start rate, each process's resident
/// memory sampled from outside all along, the workers' CPU a page, and the dashboard's API sampled meanwhile. Then the
/// ceiling: the upstream answers at once and a batch of runs is started and closed as fast as the cluster can.
/// </summary>
internal sealed class ClusterBenchmark(BenchmarkSettings settings)
{
    public const int Workers = 2;
    public const int Concurrency = 5;
    private const string ApiKey = "cluster-bench-api-key-0001";

    /// <summary>The benchmark's own sweep (the day's queueing) starts every run at once: no spread (the app's default is up to 5 min).</summary>
    public static readonly Dictionary<string, string?> SweepConfiguration = new() { ["Monitoring:SweepJitter"] = "00:00:00" };

    /// <param name="FirstQuarterMb">Median of the first quarter of the samples; <paramref name="LastQuarterMb"/> of the last.</param>
    public sealed record NodeFigures(string Name, double StartMb, double PeakMb, double EndMb, double FirstQuarterMb, double LastQuarterMb)
    {
        /// <summary>Growth tolerated as flat: the GC's budgets move by about this much under a steady load.</summary>
        public const double FlatWithin = 0.10;

        /// <summary>"flat" when the last quarter's median is within <see cref="FlatWithin"/> of the first quarter's.</summary>
        public string Verdict => LastQuarterMb <= FirstQuarterMb * (1 + FlatWithin)
            ? "flat"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"grew {(LastQuarterMb / FirstQuarterMb) - 1:P0}");
    }

    public sealed record Result(
        double QueueSeconds, int Queued, double DaySeconds, double BoundSeconds, int Requests, int Pages, int Failed,
        double StartRate, double WorkerCpuMsPerPage, IReadOnlyList<NodeFigures> Nodes, double DashboardP95, int DashboardSamples,
        int CeilingRuns, double CeilingRunsPerSecond, double CeilingStartRate);

    public async Task<Result> RunAsync(BenchDatabase database)
    {
        await using var upstream = await UpstreamProcess.StartAsync(settings.ClusterLatency, feedPages: 1, settings.ClusterPostsPerPage);
        await SeedAsync(database);
        var schedulerName = $"bench-{Guid.NewGuid():N}";
        await using var web = AppNode.Start("web", NodeSettings(database, upstream, schedulerName, "none"));
        await web.WaitForHealthyAsync(TimeSpan.FromMinutes(3));
        var workers = Enumerable.Range(1, Workers).Select(i => AppNode.Start($"worker{i}", NodeSettings(database, upstream, schedulerName, "profile-monitor"))).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.WaitForHealthyAsync(TimeSpan.FromMinutes(3))));
            AppNode[] nodes = [web, .. workers];

            // Untimed: a first batch warms each process (connections, EF's compiled queries, the JIT).
            await DayAsync(database, warmUp: true);
            using var memory = new MemorySampler(nodes);
            using var dashboard = new DashboardSampler(web.BaseAddress, ApiKey);
            var cpuBefore = workers.Sum(w => w.CpuSeconds());
            var day = await DayAsync(database, warmUp: false);
            var workerCpu = workers.Sum(w => w.CpuSeconds()) - cpuBefore;
            var figures = await memory.StopAsync();
            var (p95, samples) = await dashboard.StopAsync();

            await upstream.SetLatencyAsync(TimeSpan.Zero);
            var ceilingRuns = Math.Min(settings.ClusterProfiles, settings.Smoke ? 6 : 2_000);
            var ceiling = await DayAsync(database, warmUp: false, ceilingRuns);
            var bound = day.Requests * settings.ClusterLatency.TotalSeconds / (Workers * Concurrency);
            return new(day.QueueSeconds, day.Queued, day.Seconds, bound, day.Requests, day.Pages, day.Failed, day.StartRate,
                workerCpu * 1000 / Math.Max(1, day.Pages), figures, p95, samples, ceiling.Queued, ceiling.Queued / ceiling.Seconds, ceiling.StartRate);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{e.Message}\n{web.Tail()}\n{string.Join('\n', workers.Select(w => w.Tail()))}", e);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private sealed record Day(double QueueSeconds, int Queued, double Seconds, int Requests, int Pages, int Failed, double StartRate);

    /// <summary>Makes profiles due, queues them through the sweep, waits until every run is closed.</summary>
    private async Task<Day> DayAsync(BenchDatabase database, bool warmUp, int? only = null)
    {
        var factory = database.Get<IDbContextFactory<MonitorDbContext>>();
        var prefix = warmUp ? "warm_" : "c10k_";
        var count = only ?? (warmUp ? Workers * Concurrency * 2 : settings.ClusterProfiles);
        var handles = Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToList();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Profiles.Where(p => handles.Contains(p.Handle)).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextMonitoringRun, DateTime.UtcNow.AddMinutes(-1)));
        }

        var started = DateTime.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var queued = await database.Get<MonitoringSweep>().RunAsync(CancellationToken.None);
        var queueSeconds = stopwatch.Elapsed.TotalSeconds;
        var deadline = TimeSpan.FromSeconds(120 + (3 * count * settings.ClusterLatency.TotalSeconds / (Workers * Concurrency)));
        await database.WaitForOpenRunsAsync(deadline - stopwatch.Elapsed, TimeSpan.FromMilliseconds(500));

        var seconds = stopwatch.Elapsed.TotalSeconds;
        await using var done = await factory.CreateDbContextAsync();
        var runs = done.Runs.Where(l => l.CreatedAt >= started.AddSeconds(-1));
        var pages = await runs.SumAsync(l => l.PagesScraped);
        var requests = await runs.SumAsync(l => l.RequestsMade);
        var failed = await runs.CountAsync(l => l.Status != MonitoringStatus.Completed);
        var first = await runs.MinAsync(l => l.StartedAt) ?? started;
        var last = await runs.MaxAsync(l => l.StartedAt) ?? started;
        var startRate = queued / Math.Max(0.001, (last - first).TotalSeconds);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cluster {(warmUp ? "warm-up" : only is null ? "day" : "ceiling")}: {queued} queued in {queueSeconds:0.00} s, all closed after {seconds:0.0} s; {pages} pages, {requests} requests, {failed} failed; started {startRate:0.0} runs/s (load {Machine.LoadAverage()})"));
        return new(queueSeconds, queued, seconds, requests, pages, failed, startRate);
    }

    private async Task SeedAsync(BenchDatabase database)
    {
        var now = DateTime.UtcNow;
        var factory = database.Get<IDbContextFactory<MonitorDbContext>>();
        var handles = Enumerable.Range(0, settings.ClusterProfiles).Select(i => $"c10k_{i}")
            .Concat(Enumerable.Range(0, Workers * Concurrency * 2).Select(i => $"warm_{i}"));
        foreach (var chunk in handles.Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Profiles.AddRange(chunk.Select(handle => new TiktokProfile
            {
                Handle = handle,
                MonitoringEnabled = true,
                NextMonitoringRun = now.AddDays(2),
                CreatedAt = now,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
        }
    }

    private static Dictionary<string, string?> NodeSettings(BenchDatabase database, UpstreamProcess upstream, string schedulerName, string role) => new()
    {
        ["ConnectionStrings:Monitor"] = database.Configuration["ConnectionStrings:Monitor"],
        ["ScrapeCreators:ApiKey"] = "bench-key",
        ["ScrapeCreators:BaseUrl"] = upstream.BaseAddress.ToString(),
        ["QUEUE_NAME"] = role,
        ["MONITOR_API_KEY"] = ApiKey,
        ["Quartz:SchedulerName"] = schedulerName,
        ["Monitoring:Concurrency"] = Concurrency.ToString(CultureInfo.InvariantCulture),
        ["Monitoring:PageDelay"] = "00:00:00",
        // Every run is one the benchmark queued: no timed sweep.
        ["Monitoring:SweepCron"] = "0 0 0 1 1 ? 2099",
    };
}
