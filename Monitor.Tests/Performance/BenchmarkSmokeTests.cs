using System.Diagnostics;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Performance;

/// <summary>
/// The benchmark's smoke mode as a process, the way <c>scripts/bench.sh</c> runs it: it must finish and print every row
/// of the table on both databases. The figures themselves are read off the full run, never asserted here.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    private static readonly string[] RowsOnBoth =
    [
        "page write, 30 posts",
        "sweep: ",
        QueueRow,
        ClaimRow,
        CompareRow,
        "posts with history, pageSize=10,",
        "posts with history, pageSize=100,",
        "  pageSize=100, first byte: streamed",
        "  pageSize=100, total: streamed",
        "  pageSize=100, allocated: streamed",
        "  pageSize=100, live heap peak: streamed",
        "  pageSize=100 over HTTP (",
        "profile page, 300 posts: first post visible",
        "  first post visible, p95 (HTML)",
        "  circuit interactive, median",
        "  posts visible before interactive, median",
        "  GC heap per circuit",
        "  GC committed per circuit (",
        "  working set per circuit",
        "  published web node from outside: resident memory per open page (2 open)",
        "  published web node: resident memory before the pages opened",
        "scale: 4 profiles × 2 pages, 10 ms, C=5: day 1: 8 pages",
        "  day 1: database growth per profile",
        "  day 2: 8 pages",
        "  day 2: database growth per profile",
        "  during the cycles: profiles page, p95",
        "  during the cycles: profile page, p95",
        "  during the cycles: profiles API, p95",
        "  day 1: GC heap after, collected (before)",
        "  day 2: GC heap after, collected (before)",
        "  day 1: working set after (before)",
        "  day 2: working set after (before)",
        "  GC heap right after the last day, not collected",
        "end-to-end: ",
        "  app CPU a page (the simulator's work included)",
        "end-to-end, upstream a process over HTTP: 6 profiles, ",
        "  app CPU a page (the upstream process's)",
        "  app CPU a page, warm (the 5 ms limit)",
        "  the first batch after start (cold JIT): app CPU a page",
        "  the first batch after start (cold JIT): wall clock",
        // The over-HTTP row group has its own "against the nominal bound" row: listed twice, counted twice.
        "  same, against the nominal bound (",
        "  same, against the nominal bound",
        "trigger ",
        "history bytes per observation, 2 × 300 posts, runs 2–8",
        "  the layout of docs/history-storage.md, same data",
        "insights, 3 profiles × 100 posts × 5: engagement, last 30 posts",
        "insights, 3 profiles × 100 posts × 5: engagement, all posts",
        "insights, 3 profiles × 100 posts × 5: views at the same age",
        "insights, 3 profiles × 100 posts × 5: best-time heatmap",
        "insights, 3 profiles × 100 posts × 5: hashtag leaderboard",
        "insights, 3 profiles × 100 posts × 5: sound leaderboards",
    ];

    private const string QueueRow = "queue: runs started and closed, ";
    private const string ClaimRow = "  claim alone, batches of 10 from 200 due";

    /// <summary>The compare benchmark's row; the benchmark itself checks the comparison's shape and exits non-zero if it is wrong.</summary>
    private const string CompareRow = "compare a group, 3 profiles × 50 posts × 3 snapshots, 30 d, p95";

    private static readonly string[] RowsOnPostgres =
    [
        "page write, 30 posts (fsync=off)",
        "bulk 2,000 posts + history, new",
        "bulk 2,000 posts + history, known",
        "  the same, append-only (open spans apart)",
        "cluster: 6 profiles × 5 posts, web + 2 workers × C=5, 10 ms: queue the day's 6 runs (sweep)",
        "  the day: ",
        "  runs started across the cluster during the day",
        "  workers' CPU a page (both processes)",
        "  web: resident memory at the end (at the start)",
        "  worker1: resident memory at the end (at the start)",
        "  worker2: resident memory at the end (at the start)",
        "  web: median, last quarter of the day (first quarter): ",
        "  worker1: median, last quarter of the day (first quarter): ",
        "  worker2: median, last quarter of the day (first quarter): ",
        "  during the day: profiles API on the web node, p95",
        "  ceiling, upstream at 0 ms: 6 runs started and closed",
        "  ceiling: runs started a second",
        YearRow,
        "  history on disk a stored observation (a year, tiers applied)",
        "  profiles list: search, sort, page of 50, p95, no seq scan",
        "  profile page: profile + first 50 posts (2 snapshots each), p95, no seq scan",
        "  profile charts: a year of totals + gaps, p95, no seq scan",
        "  one post's history (a year), p95, no seq scan",
        "  statistics page, 30 days, p95, no seq scan",
        "  CSV history export, 10,950 rows: first byte (total), no seq scan",
        "  CSV export: live heap peak (allocated)",
    ];

    /// <summary>The year-reads row (PostgreSQL only); the benchmark exits non-zero when a read's plan scans the history sequentially.</summary>
    private const string YearRow = "year: 40 profiles × 30 posts, history of 20 (";

    [Fact]
    public async Task SmokeMode_BothDatabases_PrintsEveryRow()
    {
        var output = await RunSmokeAsync("--published-web", await PublishedApp.GetFolderAsync());

        var rows = output.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| measure", StringComparison.Ordinal)).ToList();
        foreach (var database in new[] { "PostgreSQL", "SQLite" })
        {
            foreach (var measure in RowsOnBoth)
            {
                Assert.True(rows.Any(r => r.Contains(measure, StringComparison.Ordinal) && r.Contains($"| {database} ", StringComparison.Ordinal)),
                    $"No '{measure}' row for {database} in:\n{string.Join('\n', output)}");
            }
        }

        foreach (var measure in RowsOnPostgres)
        {
            Assert.True(rows.Any(r => r.Contains(measure, StringComparison.Ordinal) && r.Contains("| PostgreSQL ", StringComparison.Ordinal)),
                $"No '{measure}' row for PostgreSQL in:\n{string.Join('\n', output)}");
        }

        Assert.Equal(RowsOnBoth.Length * 2 + RowsOnPostgres.Length, rows.Count);
    }

    [Fact]
    public async Task SmokeMode_CompareOnly_PrintsItsRowOnBothDatabases()
    {
        var output = await RunSmokeAsync("--only", "compare");

        var rows = output.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| measure", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(CompareRow, StringComparison.Ordinal) && r.Contains("| PostgreSQL ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(CompareRow, StringComparison.Ordinal) && r.Contains("| SQLite ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SmokeMode_QueueOnly_TwoWorkersOnPostgres_OneOnSqlite()
    {
        var output = await RunSmokeAsync("--only", "queue");

        var rows = output.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| measure", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.Contains(QueueRow + "2 worker(s)", StringComparison.Ordinal) && r.Contains("| PostgreSQL ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(QueueRow + "1 worker(s)", StringComparison.Ordinal) && r.Contains("| SQLite ", StringComparison.Ordinal));
        Assert.Equal(2, rows.Count(r => r.Contains(ClaimRow, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SmokeMode_YearReadsOnly_PrintsEveryReadWithoutASeqScanOnTheHistory()
    {
        var output = await RunSmokeAsync("--only", "year-reads");

        var rows = output.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| measure", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.Contains("| PostgreSQL ", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(YearRow, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("seq scan on history", StringComparison.Ordinal));
        Assert.Equal(6, rows.Count(r => r.Contains(", no seq scan", StringComparison.Ordinal)));
    }

    private static async Task<List<string>> RunSmokeAsync(params string[] extra)
    {
        // Built with the solution (the test project references it without its assembly), in this test run's configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root, "Monitor.Benchmarks", "bin", configuration, "net10.0", "Monitor.Benchmarks.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first.");
        var sqlite = Path.Combine(Path.GetTempPath(), $"monitor-bench-smoke-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet", [dll, "--smoke", "--postgres", PostgresServer.AdminConnectionString, "--sqlite-dir", sqlite, .. extra])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // The web rows start the app and a browser (profile page) or a fake upstream (scale) on each database.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The smoke benchmark did not finish in 10 minutes:\n{await stdout}\n{await stderr}");
        }
        finally
        {
            if (Directory.Exists(sqlite))
            {
                Directory.Delete(sqlite, recursive: true);
            }
        }

        var text = await stdout;
        Assert.True(process.ExitCode == 0, $"The smoke benchmark exited with {process.ExitCode}:\n{text}\n{await stderr}");
        return [.. text.Split('\n').Select(l => l.TrimEnd('\r'))];
    }
}
