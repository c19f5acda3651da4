using System.Globalization;
using Monitor.Benchmarks;
using Monitor.Core.Data;
using Npgsql;

// The issue-12 table: each figure of the app beside the limit measured in the same run, medians of the rounds.
// Usage: Monitor.Benchmarks [--smoke] [--rounds N] [--only page|bulk|sweep|history|end-to-end] [--postgres <server connection string>] [--sqlite-dir <dir>]
var settings = BenchmarkSettings.Parse(args);
var providers = settings.PostgresServer is null ? [DatabaseProvider.Sqlite] : new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite };

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
        var (seconds, queued, quartz) = await new SweepBenchmark(settings).RunAsync(database);
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"sweep: {settings.SweepProfiles:N0} profiles, {queued:N0} queued"), database.Name, seconds, null, "s", "< 2 s"));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"  of which Quartz: {queued:N0} triggers, one call"), database.Name, quartz, null, "s", "—"));
    }

    if (settings.Runs("history"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings);
        int[] pageSizes = settings.Smoke ? [10, 100] : [100, 1_000];
        var p95 = await new PostsHistoryBenchmark(settings).RunAsync(database, pageSizes);
        Print(new BenchmarkRow($"posts with history, pageSize={pageSizes[0]}, p95", database.Name, p95[pageSizes[0]], null, "ms", "< 100 ms"));
        Print(new BenchmarkRow($"posts with history, pageSize={pageSizes[1]}, p95", database.Name, p95[pageSizes[1]], null, "ms", "< 400 ms"));
    }

    if (settings.Runs("end-to-end"))
    {
        await using var database = await BenchDatabase.CreateAsync(provider, settings, EndToEndBenchmark.Configuration(settings));
        var run = await new EndToEndBenchmark(settings).RunAsync(database);
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"end-to-end: {settings.EndToEndProfiles} profiles, {run.Pages} pages, C={EndToEndBenchmark.Concurrency}"),
            database.Name, run.Seconds, run.IdealSeconds, "s", "≤ 1.05× (eff. ≥ 0.95)"));
        Print(new BenchmarkRow(string.Create(CultureInfo.InvariantCulture, $"trigger {settings.EndToEndProfiles} runs (one batch)"), database.Name, run.TriggerSeconds, null, "s", "—"));
    }
}

return 0;

static void Print(BenchmarkRow row) => Console.WriteLine(row.Format());
