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

    /// <summary>Issue 20's target for the app's CPU time a page.</summary>
    public const double CpuLimitMs = 5;

    /// <summary>
    /// <c>Monitoring:RunsAhead</c>: runs started beyond the concurrency, so that claims, closes and Quartz's firing
    /// overlap other runs' pages (upstream requests stay capped at <see cref="Concurrency"/>). The app's default (as many
    /// as the concurrency) unless <c>MONITOR_BENCH_RUNS_AHEAD</c> says otherwise (0: one run per slot).
    /// </summary>
    public static int RunsAhead => int.TryParse(Environment.GetEnvironmentVariable("MONITOR_BENCH_RUNS_AHEAD"), out var ahead) ? ahead : Concurrency;

    /// <summary>Warm batches measured (<c>MONITOR_BENCH_WARM_BATCHES</c>, default 3; one in the smoke run).</summary>
    private static int WarmBatches(bool smoke) =>
        smoke ? 1 : int.TryParse(Environment.GetEnvironmentVariable("MONITOR_BENCH_WARM_BATCHES"), out var batches) && batches > 0 ? batches : 3;

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
        double AppCpuMsPerPage, double UpstreamCpuMsPerPage)
    {
        /// <summary>The first batch after the process started (the JIT still at work): seconds and app CPU a page.</summary>
        public double ColdSeconds { get; init; }

        public double ColdAppCpuMsPerPage { get; init; }
    }

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
            await database.WaitForOpenRunsAsync(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));
            Console.Error.WriteLine($"end-to-end on {database.Name}: Monitoring:RunsAhead={RunsAhead}");
            // One run does not finish the JIT: most methods still run unoptimised (tier 0) through the first batch, and
            // the tiering compiles them meanwhile. The first batch is measured as a process's first minute (cold); the
            // same profiles again as a long-lived worker runs them (warm: the figures of the rows).
            var cold = await MeasureBatchAsync(database, lifecycle, profiles, "cold");
            await SettleAfterTheBulkAddAsync(database, settings.Smoke);
            // Several warm batches, the one of median CPU reported: the same code measured ±1.5 ms a page between runs.
            var warmBatches = new List<Batch>();
            for (var i = 1; i <= WarmBatches(settings.Smoke); i++)
            {
                warmBatches.Add(await MeasureBatchAsync(database, lifecycle, profiles, $"warm {i}"));
            }

            var warm = warmBatches.OrderBy(b => b.AppCpuMsPerPage).ElementAt(warmBatches.Count / 2);
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"end-to-end, warm: the median of {warmBatches.Count} batches, {warm.AppCpuMsPerPage:0.0} ms a page (all: {string.Join(", ", warmBatches.Select(b => b.AppCpuMsPerPage.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))})"));
            var limit = await UpstreamLimitAsync(database, settings.EndToEndProfiles);
            return new(warm.Seconds, limit.Seconds, warm.Pages * settings.EndToEndLatency.TotalSeconds / Concurrency, warm.Pages, limit.Pages, cold.TriggerSeconds,
                warm.AppCpuMsPerPage, warm.UpstreamCpuMsPerPage)
            {
                ColdSeconds = cold.Seconds,
                ColdAppCpuMsPerPage = cold.AppCpuMsPerPage,
            };
        }
        finally
        {
            await database.Host.StopAsync();
        }
    }

    /// <summary>
    /// The cold batch stored every post for the first time, as a bulk add does once. What follows it within a minute in
    /// any deployment is not a page's cost, so the warm batch (the steady state of a long-lived worker) starts after it:
    /// the media pass has given each new post's cover its reference (it runs every <c>Media:Interval</c>; the downloads
    /// themselves go on at their own bounded rate, during the warm batch too), and the tables' statistics count the new
    /// rows (autovacuum's analyse, which follows within a minute; until then the run's quality check plans against empty
    /// tables and took 96 ms of the database's time a run instead of 3).
    /// </summary>
    private static async Task SettleAfterTheBulkAddAsync(BenchDatabase database, bool smoke)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        var covers = await db.Set<Monitor.Core.Posts.TiktokPost>().CountAsync(p => p.CoverUrl != null);
        // The smoke run checks the row, not its figure: it does not wait up to a media interval on each database.
        while (!smoke && await db.Set<Monitor.Core.Posts.TiktokPost>().CountAsync(p => p.CoverUrl != null && !db.Set<Monitor.Core.Media.MediaReference>().Any(r => r.PostId == p.Id)) > 0)
        {
            if (stopwatch.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new InvalidOperationException("The media pass did not give every new cover its reference within 3 minutes.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var marked = stopwatch.Elapsed;
        if (database.Provider == Monitor.Core.Data.DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"end-to-end, after the cold batch: {covers} new covers {(smoke ? "(smoke: their media references not waited for)" : $"given their media reference within {marked.TotalSeconds:0.0} s")}, then ANALYZE; "
            + $"{stopwatch.Elapsed.TotalSeconds:0.0} s, app CPU {cpuMs:0} ms in all ({cpuMs / Math.Max(1, covers):0.00} ms a new cover, downloads and the app's background work included)"));
    }

    private sealed record Batch(double Seconds, int Pages, double TriggerSeconds, double AppCpuMsPerPage, double UpstreamCpuMsPerPage);

    /// <summary>Queues one run of each profile at once and waits until all have closed: the wall clock and this process's CPU.</summary>
    private async Task<Batch> MeasureBatchAsync(BenchDatabase database, RunLifecycle lifecycle, List<Guid> profiles, string label)
    {
        var started = DateTime.UtcNow;
        var appCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
        var upstreamCpu = upstream?.CpuSeconds() ?? 0;
        var slots = database.Get<UpstreamSlots>();
        var slotsBefore = (slots.Calls, slots.TimeInCalls);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var triggerSeconds = 0.0;
        // The closes are heard from the app's event hub: a poll of the database would run in the app's process and count
        // as its CPU (every 100 ms it was ≈ 3 % of the batch's samples, every 20 ms ≈ 0.5 ms a page).
        await database.WaitForClosesAsync(profiles.Count, async () =>
        {
            await lifecycle.QueueManyAsync([.. profiles.Select(p => new DueRun(p, started))], MonitoringTrigger.Manual, CancellationToken.None);
            triggerSeconds = stopwatch.Elapsed.TotalSeconds;
        }, TimeSpan.FromSeconds(settings.Smoke ? 120 : 600), TimeSpan.FromMilliseconds(100));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var appCpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - appCpu).TotalMilliseconds;
        var upstreamCpuMs = ((upstream?.CpuSeconds() ?? 0) - upstreamCpu) * 1000;
        var gcAfter = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
        await using var done = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        var batch = done.Runs.Where(l => l.StartedAt >= started);
        var pages = await batch.SumAsync(l => l.PagesScraped);
        var failed = await batch.CountAsync(l => l.Status != MonitoringStatus.Completed);
        await ExplainAsync(done, started, seconds, pages, (slots.Calls - slotsBefore.Calls, slots.TimeInCalls - slotsBefore.TimeInCalls));
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"end-to-end, {label}: {seconds:0.00} s; app CPU {appCpuMs / Math.Max(1, pages):0.0} ms a page; allocated {(gcAfter.Item4 - gcBefore.Item4) / 1024.0 / Math.Max(1, pages):0} KB a page; "
            + $"GCs gen0/1/2 {gcAfter.Item1 - gcBefore.Item1}/{gcAfter.Item2 - gcBefore.Item2}/{gcAfter.Item3 - gcBefore.Item3}; threads {System.Diagnostics.Process.GetCurrentProcess().Threads.Count}; load {Machine.LoadAverage()}"));
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} end-to-end runs did not complete.");
        }

        return new(seconds, pages, triggerSeconds, appCpuMs / Math.Max(1, pages), upstreamCpuMs / Math.Max(1, pages));
    }

    /// <summary>
    /// The limit measured beside the app: the same profiles' pages fetched by <see cref="Concurrency"/> loops back to
    /// back through the app's own client and simulated upstream, with nothing stored: the upstream's real time a page
    /// (its latency plus the client's and the simulator's work) with every slot always busy.
    /// </summary>
    private static async Task<(double Seconds, int Pages)> UpstreamLimitAsync(BenchDatabase database, int profiles)
    {
        var client = database.Get<ScrapeCreatorsClient>();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
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
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"end-to-end, the limit: {seconds:0.00} s; CPU {cpuMs / Math.Max(1, pages):0.0} ms a page (the client's stack, nothing stored, the app's background work included)"));
        await IdleCpuAsync();
        return (seconds, pages);
    }

    /// <summary>The process's CPU with no run open (the app's background work: sweeps, pollers, the media pass), a second.</summary>
    private static async Task IdleCpuAsync()
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"end-to-end, idle: CPU {cpuMs / stopwatch.Elapsed.TotalSeconds:0.0} ms a second with no run open"));
    }

    /// <summary>
    /// Where the time beyond the upstream's goes, from the logs (to stderr, beside the table): a run's own time from its
    /// claim to its close, the upstream's share of it, and a slot's time outside any run (Quartz's firing, the wait for it).
    /// </summary>
    private async Task ExplainAsync(MonitorDbContext db, DateTime triggered, double seconds, int pages, (long Count, TimeSpan Time) calls)
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
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"end-to-end: {calls.Count} upstream calls, {calls.Time.TotalMilliseconds / Math.Max(1, calls.Count):0} ms each inside the call (nominal {settings.EndToEndLatency.TotalMilliseconds:0}); "
            + $"page slots busy {calls.Time.TotalSeconds / (Concurrency * seconds):0.00} of the time"));
    }
}
