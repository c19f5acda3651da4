using System.Globalization;
using Monitor.Benchmarks;
using Monitor.Core.Data;
using Monitor.Core.Runs;
using Npgsql;

// The issue-12 table: each figure of the app beside the limit measured in the same run, medians of the rounds.
// Usage: Monitor.Benchmarks [--smoke] [--rounds N] [--only page|bulk|sweep|queue|history|history-bytes|year-reads|compare|end-to-end|end-to-end-http|cluster-10k|profile-page|insights|scale]
//        [--postgres <server connection string>] [--database Postgres|Sqlite] [--sqlite-dir <dir>] [--profiles N] [--latency ms] [--pages N] [--cycles N]
if (args.FirstOrDefault() == UpstreamServer.Argument)
{
    return await UpstreamServer.RunAsync(args);
}

var settings = BenchmarkSettings.Parse(args);
var providers = settings.PostgresServer is null ? [DatabaseProvider.Sqlite] : new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite };
if (settings.Database is { } only)
{
    providers = [.. providers.Where(p => string.Equals(p.ToString(), only, StringComparison.OrdinalIgnoreCase))];
}


var server = await Machine.PostgresVersionAsync(settings.PostgresServer);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Monitor benchmarks ({(settings.Smoke ? "smoke sizes" : "full sizes")}, medians of {settings.Rounds} rounds) on {Environment.ProcessorCount} cores, {Machine.MemoryGiB():0.0} GiB RAM, {server}"));

Console.WriteLine(BenchmarkRow.Header());
foreach (var provider in providers)
{
    var stock = provider == DatabaseProvider.Postgres ? "PostgreSQL stock" : "SQLite WAL";
    if (settings.Runs("page"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        var (app, limit) = await new PageWriteBenchmark(settings).RunAsync(database);
        Print(new BenchmarkRow($"page write, 30 posts ({stock})", database.Name, app, limit, "ms", "≤ 1.3×"));
    }

    if (provider == DatabaseProvider.Postgres && settings.Runs("page"))
    {
        await Machine.SetFsyncAsync(settings.PostgresServer!, enabled: false);
        try
        {
            await using var database = await BenchDatabase.CreateAsync(provider, settings);
            var (app, limit) = await new PageWriteBenchmark(settings).RunAsync(database);
            Print(new BenchmarkRow("page write, 30 posts (fsync=off)", database.Name, app, limit, "ms", "≤ 1.3×"));
        }
        finally
        {
            await Machine.SetFsyncAsync(settings.PostgresServer!, enabled: true);
        }
    }

    if (provider == DatabaseProvider.Postgres && settings.Runs("bulk"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        var bulk = await new BulkBenchmark(settings).RunAsync(database);
        var posts = settings.BulkPosts.ToString("N0", CultureInfo.InvariantCulture);
        Print(new BenchmarkRow($"bulk {posts} posts + history, new", database.Name, bulk.AppNew, bulk.LimitNew, "rows/s", "≤ 1.5×", HigherIsBetter: true));
        Print(new BenchmarkRow($"bulk {posts} posts + history, known", database.Name, bulk.AppKnown, bulk.LimitKnown, "rows/s", "≤ 1.5×", HigherIsBetter: true));
    }

    if (settings.Runs("sweep"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        var (seconds, queued) = await new SweepBenchmark(settings).RunAsync(database);
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"sweep: {settings.SweepProfiles:N0} profiles, {queued:N0} queued"), database.Name, seconds, null, "s", "< 2 s"));
    }

    if (settings.Runs("queue"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings, QueueBenchmark.Configuration(), QueueBenchmark.CloseRunsAtOnce);
        var queue = await new QueueBenchmark(settings).RunAsync(database);
        var split = string.Join(" + ", queue.ClaimedPerWorker.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"queue: runs started and closed, {queue.Workers} worker(s) ({split}) (100,000 hourly)"),
            database.Name, queue.RunsPerSecond, QueueBenchmark.HourlyNeed, "runs/s", "≥ 27.8 (daily: 1.16)", HigherIsBetter: true));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  claim alone, batches of 10 from {queue.Backlog:N0} due (100,000 daily)"),
            database.Name, queue.ClaimsPerSecond, QueueBenchmark.DailyNeed, "runs/s", "≥ 1.16", HigherIsBetter: true));
    }

    if (settings.Runs("history"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        int[] pageSizes = settings.Smoke ? [10, 100] : [100, 1_000];
        var history = new PostsHistoryBenchmark(settings);
        var profileId = await history.SeedAsync(database);
        var p95 = await history.RunAsync(database, profileId, pageSizes);
        Print(new BenchmarkRow($"posts with history, pageSize={pageSizes[0]}, p95", database.Name, p95[pageSizes[0]], null, "ms", "< 100 ms"));
        Print(new BenchmarkRow($"posts with history, pageSize={pageSizes[1]}, p95", database.Name, p95[pageSizes[1]], null, "ms", "< 400 ms"));
        var (materialised, streamed) = await new PostsStreamBenchmark(settings).RunAsync(database, profileId, pageSizes[1]);
        var size = $"pageSize={pageSizes[1]}";
        Print(new BenchmarkRow($"  {size}, first byte: streamed (materialised)", database.Name, streamed.FirstByteMs, materialised.FirstByteMs, "ms", "streamed < materialised"));
        Print(new BenchmarkRow($"  {size}, total: streamed (materialised)", database.Name, streamed.TotalMs, materialised.TotalMs, "ms", "—"));
        Print(new BenchmarkRow($"  {size}, allocated: streamed (materialised)", database.Name, streamed.AllocatedMb, materialised.AllocatedMb, "MB", "—"));
        Print(new BenchmarkRow($"  {size}, live heap peak: streamed (materialised)", database.Name, streamed.PeakLiveMb, materialised.PeakLiveMb, "MB", "streamed < materialised"));
        var (firstByte, total, bytes) = await new PostsHttpBenchmark(settings).RunAsync(database, profileId, pageSizes[1]);
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  {size} over HTTP ({bytes / 1024.0 / 1024.0:0.0} MB): first byte (end)"),
            database.Name, firstByte, total, "ms", "—"));
    }

    if (settings.Runs("history-bytes"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        var history = new HistoryBytesBenchmark(settings);
        var (app, proposed, appendOnly) = await history.RunAsync(database);
        var shape = string.Create(CultureInfo.InvariantCulture, $"{history.Profiles} × 300 posts, runs 2–{HistoryBytesBenchmark.Runs}");
        Print(new BenchmarkRow($"history bytes per observation, {shape}", database.Name, app, null, "B", "≤ 60 B (PostgreSQL)"));
        Print(new BenchmarkRow("  the layout of docs/history-storage.md, same data", database.Name, proposed, null, "B", "≤ 60 B (PostgreSQL)"));
        if (!double.IsNaN(appendOnly))
        {
            Print(new BenchmarkRow("  the same, append-only (open spans apart)", database.Name, appendOnly, null, "B", "≤ 60 B (PostgreSQL)"));
        }
    }

    if (provider == DatabaseProvider.Postgres && settings.Runs("year-reads"))
    {
        var year = await new YearReadsBenchmark(settings).RunAsync();
        var v = year.Volume;
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture,
            $"year: {v.Profiles:N0} profiles × {v.PostsPerProfile} posts, history of {v.HistoryProfiles:N0} ({v.Spans:N0} spans, {v.Observations:N0} obs.): COPY{(double.IsNaN(year.GenerateSeconds) ? " (kept from an earlier run: not written)" : "")}"),
            "PostgreSQL", double.IsNaN(year.GenerateSeconds) ? 0 : year.GenerateSeconds, null, "s", "—"));
        Print(new BenchmarkRow("  history on disk a stored observation (a year, tiers applied)", "PostgreSQL", year.HistoryBytes / (double)v.Observations, null, "B", "≤ 60 B"));
        foreach (var read in year.Reads)
        {
            Print(new BenchmarkRow($"  {read.Name}, p95, {read.Verdict}", "PostgreSQL", read.P95Ms, read.LimitMs, "ms", read.LimitMs < 1_000 ? "< 200 ms" : "< 1,000 ms"));
        }

        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  CSV history export, {year.ExportRows:N0} rows: first byte (total), {year.ExportPlan.Verdict}"),
            "PostgreSQL", year.ExportFirstByteMs, year.ExportTotalMs, "ms", "first byte < 1,000 ms"));
        Print(new BenchmarkRow("  CSV export: live heap peak (allocated)", "PostgreSQL", year.ExportPeakLiveMb, year.ExportAllocatedMb, "MB", "flat"));
        if (year.Reads.Append(year.ExportPlan).Any(r => r.SeqScans.Count > 0))
        {
            Environment.ExitCode = 1;
        }
    }

    if (settings.Runs("compare"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        var (app, limit) = await new CompareBenchmark(settings).RunAsync(database);
        var shape = string.Create(CultureInfo.InvariantCulture, $"{settings.CompareProfiles} profiles × {settings.ComparePosts:N0} posts × {settings.CompareSnapshots} snapshots");
        Print(new BenchmarkRow($"compare a group, {shape}, 30 d, p95 (one scan)", database.Name, app, limit, "ms", "< 1,000 ms"));
    }

    if (settings.Runs("end-to-end"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings, EndToEndBenchmark.Configuration(settings));
        var run = await new EndToEndBenchmark(settings).RunAsync(database);
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"end-to-end: {settings.EndToEndProfiles} profiles, {run.Pages} pages, C={EndToEndBenchmark.Concurrency}"),
            database.Name, run.Seconds, run.LimitSeconds, "s", "≤ 1.05× (eff. ≥ 0.95)"));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  same, against the nominal bound ({run.LimitPages} pages fetched for the limit)"),
            database.Name, run.Seconds, run.NominalSeconds, "s", "—"));
        Print(new BenchmarkRow("  app CPU a page (the simulator's work included)", database.Name, run.AppCpuMsPerPage, null, "ms", "—"));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"trigger {settings.EndToEndProfiles} runs (one batch)"), database.Name, run.TriggerSeconds, null, "s", "—"));
    }

    if (settings.Runs("end-to-end-http"))
    {
        await using var upstream = await UpstreamProcess.StartAsync(settings.EndToEndLatency);
        await using var database = await BenchDatabase.CreateAsync(provider, settings, EndToEndBenchmark.Configuration(settings, upstream));
        var run = await new EndToEndBenchmark(settings, upstream).RunAsync(database);
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"end-to-end, upstream a process over HTTP: {settings.EndToEndProfiles} profiles, {run.Pages} pages, C={EndToEndBenchmark.Concurrency}"),
            database.Name, run.Seconds, run.LimitSeconds, "s", "≤ 1.05× (eff. ≥ 0.95)"));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  same, against the nominal bound ({run.LimitPages} pages fetched for the limit)"),
            database.Name, run.Seconds, run.NominalSeconds, "s", "—"));
        Print(new BenchmarkRow("  app CPU a page (the upstream process's)", database.Name, run.AppCpuMsPerPage, run.UpstreamCpuMsPerPage, "ms", "< 5 ms"));
        Print(new BenchmarkRow("  app CPU a page, warm (the 5 ms limit)", database.Name, run.AppCpuMsPerPage, EndToEndBenchmark.CpuLimitMs, "ms", "≤ 1× (< 5 ms)"));
        Print(new BenchmarkRow("  the first batch after start (cold JIT): app CPU a page", database.Name, run.ColdAppCpuMsPerPage, EndToEndBenchmark.CpuLimitMs, "ms", "—"));
        Print(new BenchmarkRow("  the first batch after start (cold JIT): wall clock", database.Name, run.ColdSeconds, run.LimitSeconds, "s", "—"));
    }

    if (settings.Runs("profile-page"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        var page = await new ProfilePageBenchmark(settings).RunAsync(database);
        var posts = settings.ProfilePagePosts.ToString("N0", CultureInfo.InvariantCulture);
        Print(new BenchmarkRow($"profile page, {posts} posts: first post visible, median (HTML)", database.Name, page.FirstPostMedianMs, page.HtmlMedianMs, "ms", "< 1,000 ms"));
        Print(new BenchmarkRow("  first post visible, p95 (HTML)", database.Name, page.FirstPostP95Ms, page.HtmlP95Ms, "ms", "< 1,000 ms"));
        Print(new BenchmarkRow("  circuit interactive, median", database.Name, page.InteractiveMedianMs, null, "ms", "—"));
        Print(new BenchmarkRow("  posts visible before interactive, median", database.Name, page.LeadMedianMs, null, "ms", "> 0 (before: < 0)"));
        Print(new BenchmarkRow($"  GC heap per circuit ({settings.ProfilePageCircuits} open)", database.Name, page.HeapMbPerCircuit, null, "MB", "< 5 MB"));
        Print(new BenchmarkRow($"  working set per circuit ({settings.ProfilePageCircuits} open)", database.Name, page.WorkingSetMbPerCircuit, null, "MB", "< 5 MB"));
        Print(new BenchmarkRow($"  GC committed per circuit ({settings.ProfilePageCircuits} open)", database.Name, page.CommittedMbPerCircuit, null, "MB", "—"));
        Print(new BenchmarkRow($"  published web node from outside: resident memory per open page ({settings.ProfilePageCircuits} open)", database.Name,
            page.PublishedResidentMbPerPage, 5, "MB", "≤ 1× (< 5 MB)"));
        Print(new BenchmarkRow("  published web node: resident memory before the pages opened", database.Name, page.PublishedResidentMbBefore, null, "MB", "—"));
    }

    if (settings.Runs("insights"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        var insights = new InsightsBenchmark(settings);
        var shape = string.Create(CultureInfo.InvariantCulture, $"{insights.Profiles} profiles × {insights.PostsPerProfile:N0} posts × {insights.Snapshots}");
        foreach (var (query, ms) in await insights.RunAsync(database))
        {
            Print(new BenchmarkRow($"insights, {shape}: {query}", database.Name, ms, null, "ms", "< 1,000 ms"));
        }
    }

    if (provider == DatabaseProvider.Postgres && settings.Runs("cluster-10k"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings, ClusterBenchmark.SweepConfiguration);
        var cluster = await new ClusterBenchmark(settings).RunAsync(database);
        var shape = string.Create(CultureInfo.InvariantCulture,
            $"cluster: {settings.ClusterProfiles:N0} profiles × {settings.ClusterPostsPerPage} posts, web + {ClusterBenchmark.Workers} workers × C={ClusterBenchmark.Concurrency}, {settings.ClusterLatency.TotalMilliseconds:0} ms");
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"{shape}: queue the day's {cluster.Queued:N0} runs (sweep)"), database.Name, cluster.QueueSeconds, null, "s", "< 2 s"));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  the day: {cluster.Requests:N0} requests, {cluster.Failed} failed (upstream bound)"), database.Name, cluster.DaySeconds, cluster.BoundSeconds, "s", "≤ 1.05× (eff. ≥ 0.95)"));
        Print(new BenchmarkRow("  runs started across the cluster during the day (default 24 h: 10,000 profiles)", database.Name, cluster.StartRate, 10_000 / 86_400.0, "runs/s", "—", HigherIsBetter: true));
        Print(new BenchmarkRow("  workers' CPU a page (both processes)", database.Name, cluster.WorkerCpuMsPerPage, null, "ms", "< 5 ms"));
        foreach (var node in cluster.Nodes)
        {
            Print(new BenchmarkRow($"  {node.Name}: resident memory at the end (at the start), peak {node.PeakMb:0} MB", database.Name, node.EndMb, node.StartMb, "MB", "flat"));
            Print(new BenchmarkRow($"  {node.Name}: median, last quarter of the day (first quarter): {node.Verdict}", database.Name, node.LastQuarterMb, node.FirstQuarterMb, "MB", "≤ 1.10× (flat)"));
        }

        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  during the day: profiles API on the web node, p95 of {cluster.DashboardSamples}"), database.Name, cluster.DashboardP95, null, "ms", "< 300 ms"));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  ceiling, upstream at 0 ms: {cluster.CeilingRuns:N0} runs started and closed (100,000 daily)"), database.Name, cluster.CeilingRunsPerSecond, 100_000 / 86_400.0, "runs/s", "≥ 1.16", HigherIsBetter: true));
        Print(new BenchmarkRow("  ceiling: runs started a second", database.Name, cluster.CeilingStartRate, 100_000 / 86_400.0, "runs/s", "≥ 1.16", HigherIsBetter: true));
    }

    if (settings.Runs("scale"))
    {
        var scale = await new ScaleBenchmark(settings).RunAsync(provider);
        var name = provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";
        var shape = string.Create(CultureInfo.InvariantCulture,
            $"scale: {settings.ScaleProfiles:N0} profiles × {settings.ScalePages} pages, {settings.ScaleLatency.TotalMilliseconds:0} ms, C={ScaleBenchmark.Concurrency}");
        var size = scale.DatabaseBytesBefore;
        for (var i = 0; i < scale.Cycles.Count; i++)
        {
            var cycle = scale.Cycles[i];
            var measure = string.Create(CultureInfo.InvariantCulture, $"day {i + 1}: {cycle.Pages:N0} pages, {cycle.Failed} failed (bound)");
            Print(new BenchmarkRow(i == 0 ? $"{shape}: {measure}" : $"  {measure}", name, cycle.Seconds, cycle.BoundSeconds, "s", "≈ 1× the bound"));
            Print(new BenchmarkRow($"  day {i + 1}: database growth per profile", name, (cycle.DatabaseBytes - size) / 1024.0 / settings.ScaleProfiles, null, "KB", "—"));
            Print(new BenchmarkRow($"  day {i + 1}: GC heap after, collected (before)", name, Mb(cycle.Collected.Heap), Mb(scale.Before.Heap), "MB", "flat from day to day"));
            Print(new BenchmarkRow($"  day {i + 1}: working set after (before)", name, Mb(cycle.Collected.WorkingSet), Mb(scale.Before.WorkingSet), "MB", "flat from day to day"));
            size = cycle.DatabaseBytes;
        }

        foreach (var target in ScaleBenchmark.Targets)
        {
            var (p95, count) = scale.Loads[target];
            Print(new BenchmarkRow($"  during the cycles: {target}, p95 of {count}", name, p95, null, "ms", "< 300 ms"));
        }

        Print(new BenchmarkRow("  GC heap right after the last day, not collected", name, Mb(scale.RightAfter.Heap), null, "MB", "—"));
    }
}

// A read whose plan scans the history sequentially fails the run (the year-reads row prints which).
return Environment.ExitCode;

static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

static void Print(BenchmarkRow row) => Console.WriteLine(row.Format());
