using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;
using Npgsql;

namespace Monitor.Benchmarks;

/// <summary>
/// Issue 12's scale run: many profiles of many pages on one node (the whole app in this process: pages, API and worker)
/// against a fake upstream over HTTP with a fixed latency a page, concurrency 5. Each daily cycle queues every profile's
/// run in one batch (as the sweep does) and waits until all have ended: its time beside the upstream bound (pages ×
/// latency ÷ concurrency). Meanwhile the dashboard is sampled (the profiles page's HTML, a profile page's HTML, the
/// profiles API); after it, the GC heap and working set against before, and the database's growth per profile.
/// </summary>
internal sealed class ScaleBenchmark(BenchmarkSettings settings)
{
    public const int Concurrency = 5;
    public const int PostsPerPage = 30;

    public sealed record Cycle(double Seconds, double BoundSeconds, int Pages, int Failed, long DatabaseBytes, (long Heap, long WorkingSet) Collected);

    public sealed record Result(
        IReadOnlyList<Cycle> Cycles,
        IReadOnlyDictionary<string, (double P95, int Count)> Loads,
        (long Heap, long WorkingSet) Before,
        (long Heap, long WorkingSet) RightAfter,
        long DatabaseBytesBefore);

    public static readonly string[] Targets = ["profiles page", "profile page", "profiles API"];

    public async Task<Result> RunAsync(DatabaseProvider provider)
    {
        using var upstream = new FakeScrapeCreators(keepRequestLog: false)
            .ServeSyntheticCreators(new SyntheticCreators(settings.ScalePages, PostsPerPage, hashtag: "bench"), settings.ScaleLatency)
            .ServeBalance("""{"creditCount":1000000}""");
        var configuration = new Dictionary<string, string?>
        {
            ["QUEUE_NAME"] = "all",
            ["ScrapeCreators:ApiKey"] = "bench-upstream-key",
            ["ScrapeCreators:BaseUrl"] = upstream.Url,
            ["Monitoring:Concurrency"] = Concurrency.ToString(CultureInfo.InvariantCulture),
            ["Monitoring:PageDelay"] = "00:00:00",
            ["Monitoring:SweepCron"] = "0 0 0 1 1 ? 2099",
        };
        await using var database = await BenchDatabase.CreateAsync(provider, settings, configuration);
        var profiles = new List<Guid>();
        for (var i = 0; i < settings.ScaleProfiles; i++)
        {
            profiles.Add(await database.AddProfileAsync($"bench_scale_{i}", monitoring: true, nextRun: DateTime.UtcNow.AddDays(30)));
        }

        await using var app = new BenchWebApp(database, configuration);
        using var http = new HttpClient { BaseAddress = app.Start(), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchWebApp.ApiKey);
        (string Name, string Path)[] targets =
        [
            (Targets[0], "/"),
            (Targets[1], $"/profiles/{profiles[0]}"),
            (Targets[2], "/api/tiktok/profiles?pageSize=50"),
        ];
        foreach (var (_, path) in targets)
        {
            (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var sizeBefore = await DatabaseBytesAsync(database);
        var before = ProfilePageBenchmark.Collected();
        var times = targets.ToDictionary(t => t.Name, _ => new List<double>());
        var cycles = new List<Cycle>();
        (long Heap, long WorkingSet) rightAfter = default;
        for (var cycle = 0; cycle < settings.ScaleCycles; cycle++)
        {
            var (result, uncollected) = await CycleAsync(app, database, profiles, http, targets, times);
            cycles.Add(result);
            rightAfter = uncollected;
        }

        var loads = times.ToDictionary(t => t.Key, t => (Rounds.Percentile(t.Value, 95), t.Value.Count));
        return new Result(cycles, loads, before, rightAfter, sizeBefore);
    }

    /// <returns>The cycle, and the heap and working set the moment it ended (before the collection the cycle's figures take).</returns>
    private async Task<(Cycle Cycle, (long Heap, long WorkingSet) RightAfter)> CycleAsync(BenchWebApp app, BenchDatabase database, List<Guid> profiles, HttpClient http,
        (string Name, string Path)[] targets, Dictionary<string, List<double>> times)
    {
        var factory = database.Get<IDbContextFactory<MonitorDbContext>>();
        long firstLog;
        await using (var db = await factory.CreateDbContextAsync())
        {
            firstLog = (await db.Runs.MaxAsync(l => (long?)l.Id) ?? 0) + 1;
        }

        var clock = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        await app.Services.GetRequiredService<RunLifecycle>()
            .QueueManyAsync([.. profiles.Select(p => new DueRun(p, now))], MonitoringTrigger.Scheduled, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var sampler = SampleAsync(http, targets, times, stop.Token);
        await database.WaitForOpenRunsAsync(TimeSpan.FromSeconds(Math.Max(120, 10 * IdealSeconds(profiles.Count * settings.ScalePages))), TimeSpan.FromMilliseconds(100), firstLog);

        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        using var process = Process.GetCurrentProcess();
        var rightAfter = (GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
        await using var done = await factory.CreateDbContextAsync();
        var runs = done.Runs.Where(l => l.Id >= firstLog);
        var pages = await runs.SumAsync(l => l.PagesScraped);
        var failed = await runs.CountAsync(l => l.Status != MonitoringStatus.Completed);
        return (new Cycle(seconds, IdealSeconds(pages), pages, failed, await DatabaseBytesAsync(database), ProfilePageBenchmark.Collected()), rightAfter);
    }

    private double IdealSeconds(int pages) => pages * settings.ScaleLatency.TotalSeconds / Concurrency;

    /// <summary>One page load after the other, each read to its end, a fifth of a second apart, until told to stop.</summary>
    private static async Task SampleAsync(HttpClient http, (string Name, string Path)[] targets, Dictionary<string, List<double>> times, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var (name, path) in targets)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                response.EnsureSuccessStatusCode();
                times[name].Add(clock.Elapsed.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The database's size on disk: PostgreSQL's <c>pg_database_size</c>; SQLite's pages after a WAL checkpoint.</summary>
    private static async Task<long> DatabaseBytesAsync(BenchDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(database.Settings.ConnectionString);
        await sqlite.OpenAsync();
        await using var checkpoint = sqlite.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync();
        await using var size = sqlite.CreateCommand();
        size.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        return (long)(await size.ExecuteScalarAsync())!;
    }
}
