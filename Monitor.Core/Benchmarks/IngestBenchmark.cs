using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;

namespace Monitor.Core.Benchmarks;

/// <summary>
/// Measures the write and read paths a run uses, on the configured database, and prints a table. Performance targets
/// are read off this table, never asserted in timed tests.
/// </summary>
public sealed class IngestBenchmark(IDbContextFactory<MonitorDbContext> contextFactory, PostIngestor ingestor, PostQueries queries, DatabaseSettings database, TimeProvider time)
{
    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(int posts, int pageSize, CancellationToken cancellationToken)
    {
        var profileId = await CreateProfileAsync(cancellationToken);
        try
        {
            var snapshots = Enumerable.Range(0, posts).Select(Post).ToList();
            var pages = snapshots.Chunk(pageSize).ToList();
            var results = new List<BenchmarkResult>
            {
                await MeasureAsync($"ingest {pages.Count} pages of {pageSize} (new posts)", posts * 2, async () =>
                {
                    foreach (var page in pages)
                    {
                        await ingestor.IngestAsync(profileId, page, time.GetUtcNow().UtcDateTime, cancellationToken);
                    }
                }),
                await MeasureAsync($"ingest {pages.Count} pages of {pageSize} (known posts)", posts * 2, async () =>
                {
                    foreach (var page in pages)
                    {
                        await ingestor.IngestAsync(profileId, page, time.GetUtcNow().UtcDateTime, cancellationToken);
                    }
                }),
                await MeasureAsync($"ingest 1 batch of {Math.Min(posts, BulkPostService.MaxPosts)} (bulk endpoint)", Math.Min(posts, BulkPostService.MaxPosts) * 2, () =>
                    ingestor.IngestAsync(profileId, snapshots.Take(BulkPostService.MaxPosts).ToList(), time.GetUtcNow().UtcDateTime, cancellationToken)),
            };

            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                results.Add(await MeasureAsync($"recompute totals over {posts} posts", posts, () =>
                    ProfileTotalsCalculator.RecomputeAsync(db, profileId, time.GetUtcNow().UtcDateTime, cancellationToken), warmUp: true));
            }

            results.Add(await MeasureAsync("posts page of 100 with their newest snapshots (3 each)", 100, () =>
                queries.ListAsync(profileId, new PostListQuery(PageSize: 100, HistoryDepth: PostListQuery.MaxHistoryDepth), cancellationToken), warmUp: true));
            return results;
        }
        finally
        {
            await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
            await db.Profiles.Where(p => p.Id == profileId).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    public string Format(IReadOnlyList<BenchmarkResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = new List<string>
        {
            $"Database: {database.Describe()}",
            $"| {"scenario",-52} | {"rows",9} | {"ms",9} | {"rows/s",10} |",
            $"|{new string('-', 54)}|{new string('-', 11)}:|{new string('-', 10)}:|{new string('-', 11)}:|",
        };
        lines.AddRange(results.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Scenario,-52} | {r.Rows,9:N0} | {r.Elapsed.TotalMilliseconds,9:N1} | {r.RowsPerSecond,10:N0} |")));
        return string.Join(Environment.NewLine, lines);
    }

    /// <param name="warmUp">Run once unmeasured first, so query compilation and JIT are not counted.</param>
    private static async Task<BenchmarkResult> MeasureAsync(string scenario, int rows, Func<Task> action, bool warmUp = false)
    {
        if (warmUp)
        {
            await action();
        }

        var stopwatch = Stopwatch.StartNew();
        await action();
        stopwatch.Stop();
        return new BenchmarkResult(scenario, rows, stopwatch.Elapsed);
    }

    private async Task<Guid> CreateProfileAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var profile = new TiktokProfile { Handle = $"benchmark_{Guid.NewGuid():N}"[..24], CreatedAt = now, UpdatedAt = now };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Profiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile.Id;
    }

    private static PostSnapshot Post(int i) => new()
    {
        AwemeId = (7_300_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture),
        Description = $"Benchmark post {i} #bench",
        PostedAt = DateTime.UnixEpoch.AddSeconds(1_700_000_000 + i),
        CoverUrl = $"https://example.invalid/cover/{i}.jpeg",
        ShareUrl = $"https://www.tiktok.com/@bench/video/{i}",
        DurationSeconds = 15 + (i % 45),
        Metrics = new PostMetrics(Views: 1_000L * i, Likes: 100L * i, Shares: i, Comments: 2L * i, Saves: 3L * i),
    };
}
