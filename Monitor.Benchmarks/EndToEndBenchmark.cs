using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Runs;
using Monitor.Core.Scraping;

namespace Monitor.Benchmarks;

/// <summary>
/// Many profiles monitored end to end by the app's own scheduler against the built-in simulated upstream with a fixed
/// latency a page: seconds until every run completed, beside the upstream limit measured in the same run (the same pages
/// fetched with every slot always busy: <see cref="UpstreamLimitAsync"/>) and the nominal bound (pages × latency ÷
/// concurrency), and the time to trigger them all in one batch.
/// </summary>
/// <remarks>
/// With an <see cref="UpstreamProcess"/> the app reaches the same simulator over HTTP in a process of its own (an API
/// key set, <c>ScrapeCreators:BaseUrl</c> pointing at it), and the row also says the app's CPU time a page: this
/// process's CPU from the batch's queueing to its last close (the app runs in it; the benchmark only polls) ÷ pages.
/// </remarks>
internal sealed class EndToEndBenchmark(BenchmarkSettings settings, UpstreamProcess? upstream = null)
{
    public const int Concurrency = 5;

    /// <summary>
    /// <c>Monitoring:RunsAhead</c>: runs started beyond the concurrency, so that claims, closes and Quartz's firing
    /// overlap other runs' pages (upstream requests stay capped at <see cref="Concurrency"/>). The app's default (as many
    /// as the concurrency) unless <c>MONITOR_BENCH_RUNS_AHEAD</c> says otherwise (0: one run per slot).
    /// </summary>
    public static int RunsAhead => int.TryParse(Environment.GetEnvironmentVariable("MONITOR_BENCH_RUNS_AHEAD"), out var ahead) ? ahead : Concurrency;

    public static Dictionary<string, string?> Configuration(BenchmarkSettings settings, UpstreamProcess? upstream = null)
    {
        var keys = Configuration(settings);
        if (upstream is not null)
        {
            keys["ScrapeCreators:ApiKey"] = "bench-key";
            keys["ScrapeCreators:BaseUrl"] = upstream.BaseAddress.ToString();
        }

        return keys;
    }

    private static Dictionary<string, string?> Configuration(BenchmarkSettings settings) => new()
    {
        ["QUEUE_NAME"] = "all",
        ["ScrapeCreators:SimulatedLatency"] = settings.EndToEndLatency.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Monitoring:Concurrency"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Monitoring:PageDelay"] = "00:00:00",
        ["Monitoring:RunsAhead"] = RunsAhead.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public sealed record Result(double Seconds, double LimitSeconds, double NominalSeconds, int Pages, int LimitPages, double TriggerSeconds,
        double AppCpuMsPerPage, double UpstreamCpuMsPerPage);

    public async Task<Result> RunAsync(BenchDatabase database)
    {
        var profiles = new List<Guid>();
        for (var i = 0; i < settings.EndToEndProfiles; i++)
        {
            profiles.Add(await database.AddProfileAsync($"bench_e2e_{i}"));
        }

        var warmUp = await database.AddProfileAsync("bench_e2e_warmup");
        await database.Host.StartAsync();

        try
        {
            var lifecycle = database.Get<RunLifecycle>();
            // One run first, untimed, as any benchmark warms up: the first batch's connections, EF's compiled queries
            // and the JIT are a process's start-up cost, not a run's.
            await lifecycle.QueueManyAsync([new DueRun(warmUp, DateTime.UtcNow)], MonitoringTrigger.Manual, CancellationToken.None);
            await WaitForOpenRunsAsync(database, 0);
            Console.Error.WriteLine($"end-to-end on {database.Name}: Monitoring:RunsAhead={RunsAhead}");
            var started = DateTime.UtcNow;
            var appCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
            var upstreamCpu = upstream?.CpuSeconds() ?? 0;
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            await lifecycle.QueueManyAsync([.. profiles.Select(p => new DueRun(p, started))], MonitoringTrigger.Manual, CancellationToken.None);
            var triggerSeconds = stopwatch.Elapsed.TotalSeconds;
            await WaitForOpenRunsAsync(database, settings.Smoke ? 120 : 600);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var appCpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - appCpu).TotalMilliseconds;
            var upstreamCpuMs = ((upstream?.CpuSeconds() ?? 0) - upstreamCpu) * 1000;
            var gcAfter = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
            await using var done = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
            var measured = done.Runs.Where(l => l.ProfileId != warmUp);
            var pages = await measured.SumAsync(l => l.PagesScraped);
            var failed = await done.Runs.CountAsync(l => l.Status != MonitoringStatus.Completed);
            await ExplainAsync(database, done, started, seconds, pages);
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"end-to-end: app CPU {appCpuMs / Math.Max(1, pages):0.0} ms a page; allocated {(gcAfter.Item4 - gcBefore.Item4) / 1024.0 / Math.Max(1, pages):0} KB a page; "
                + $"GCs gen0/1/2 {gcAfter.Item1 - gcBefore.Item1}/{gcAfter.Item2 - gcBefore.Item2}/{gcAfter.Item3 - gcBefore.Item3}; threads {System.Diagnostics.Process.GetCurrentProcess().Threads.Count}; load {Machine.LoadAverage()}"));
            if (failed > 0)
            {
                throw new InvalidOperationException($"{failed} end-to-end runs did not complete.");
            }

            var limit = await UpstreamLimitAsync(database, settings.EndToEndProfiles);
            return new(seconds, limit.Seconds, pages * settings.EndToEndLatency.TotalSeconds / Concurrency, pages, limit.Pages, triggerSeconds,
                appCpuMs / Math.Max(1, pages), upstreamCpuMs / Math.Max(1, pages));
        }
        finally
        {
            await database.Host.StopAsync();
        }
    }

    /// <summary>Polls (every 20 ms) until no run is pending or running; fails after <paramref name="seconds"/> (0: 60 s).</summary>
    private static async Task WaitForOpenRunsAsync(BenchDatabase database, int seconds)
    {
        var factory = database.Get<IDbContextFactory<MonitorDbContext>>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds > 0 ? seconds : 60);
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var open = await db.Runs.CountAsync(l => l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running);
            if (open == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{open} runs still open after the deadline.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The limit measured beside the app: the same profiles' pages fetched by <see cref="Concurrency"/> loops back to
    /// back through the app's own client and simulated upstream, with nothing stored: the upstream's real time a page
    /// (its latency plus the client's and the simulator's work) with every slot always busy.
    /// </summary>
    private static async Task<(double Seconds, int Pages)> UpstreamLimitAsync(BenchDatabase database, int profiles)
    {
        var client = database.Get<ScrapeCreatorsClient>();
        var handles = new ConcurrentQueue<string>(Enumerable.Range(0, profiles).Select(i => $"bench_e2e_{i}"));
        var pages = 0;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (handles.TryDequeue(out var handle))
            {
                string? cursor = null;
                do
                {
                    var page = await client.GetPostsPageAsync(handle, null, cursor, CancellationToken.None);
                    Interlocked.Increment(ref pages);
                    cursor = page.HasMore ? page.NextCursor : null;
                }
                while (cursor is not null);
            }
        }));
        return (stopwatch.Elapsed.TotalSeconds, pages);
    }

    /// <summary>
    /// Where the time beyond the upstream's goes, from the logs (to stderr, beside the table): a run's own time from its
    /// claim to its close, the upstream's share of it, and a slot's time outside any run (Quartz's firing, the wait for it).
    /// </summary>
    private async Task ExplainAsync(BenchDatabase database, MonitorDbContext db, DateTime triggered, double seconds, int pages)
    {
        var runs = await db.Runs.AsNoTracking().Where(l => l.StartedAt != null && l.CompletedAt != null && l.StartedAt >= triggered)
            .Select(l => new { l.StartedAt, l.CompletedAt, l.PagesScraped }).ToListAsync();
        if (runs.Count == 0)
        {
            return;
        }

        var inRuns = runs.Sum(r => (r.CompletedAt!.Value - r.StartedAt!.Value).TotalMilliseconds);
        var upstream = pages * settings.EndToEndLatency.TotalMilliseconds;
        var slots = Concurrency + RunsAhead;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"end-to-end: the first run started {(runs.Min(r => r.StartedAt!.Value) - triggered).TotalMilliseconds:0} ms after the trigger"));
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"end-to-end: {runs.Count} runs, {pages} pages; a run {inRuns / runs.Count:0} ms claim to close of which upstream {upstream / runs.Count:0} ms; "
            + $"outside runs {((slots * seconds * 1000) - inRuns) / runs.Count:0} ms a run per slot ({slots} slots)"));
        var calls = database.Get<UpstreamSlots>();
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"end-to-end: {calls.Calls} upstream calls, {calls.TimeInCalls.TotalMilliseconds / Math.Max(1, calls.Calls):0} ms each inside the call (nominal {settings.EndToEndLatency.TotalMilliseconds:0}); "
            + $"page slots busy {calls.TimeInCalls.TotalSeconds / (Concurrency * seconds):0.00} of the time"));
    }
}
