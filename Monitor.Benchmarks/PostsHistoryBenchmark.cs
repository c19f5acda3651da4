using System.Diagnostics;
using System.Text.Json;
using Monitor.Core.Catalog;
using Monitor.Core.Common.Json;
using Monitor.Core.Posts;

namespace Monitor.Benchmarks;

/// <summary>
/// The posts API's work for one page with history, as the endpoint does it (<see cref="PostQueries.OpenAsync"/>, the
/// items serialised as they are read): p95 ms over repeated requests, for a page of 100 and one of 1,000 posts with
/// their newest snapshots.
/// </summary>
internal sealed class PostsHistoryBenchmark(BenchmarkSettings settings)
{
    internal static readonly JsonSerializerOptions Json = MonitorJson.CreateOptions();

    /// <summary>A profile with <see cref="BenchmarkSettings.HistoryPosts"/> posts of <see cref="BenchmarkSettings.HistorySnapshots"/> snapshots each.</summary>
    public async Task<Guid> SeedAsync(BenchDatabase database)
    {
        var profileId = await database.AddProfileAsync("bench_history");
        var ingestor = database.Get<PostIngestor>();
        var start = DateTime.UtcNow.AddHours(-settings.HistorySnapshots);
        for (var snapshot = 0; snapshot < settings.HistorySnapshots; snapshot++)
        {
            await ingestor.IngestAsync(profileId, Posts.Make(settings.HistoryPosts, 7_500_000_000_000_000_000, snapshot), start.AddHours(snapshot), CancellationToken.None);
        }

        return profileId;
    }

    /// <returns>Median over the rounds of the p95 ms, for each page size asked.</returns>
    public async Task<IReadOnlyDictionary<int, double>> RunAsync(BenchDatabase database, Guid profileId, int[] pageSizes)
    {
        var queries = database.Get<PostQueries>();
        var result = new Dictionary<int, double>();
        foreach (var pageSize in pageSizes)
        {
            var query = new PostListQuery(PageSize: pageSize, HistoryDepth: PostListQuery.MaxHistoryDepth);
            await RequestAsync(queries, profileId, query);
            var p95s = new List<double>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                var times = new List<double>();
                for (var i = 0; i < settings.HistoryRequests; i++)
                {
                    times.Add((await RequestAsync(queries, profileId, query)).TotalMilliseconds);
                }

                p95s.Add(Rounds.Percentile(times, 95));
            }

            result[pageSize] = Rounds.Median(p95s);
        }

        return result;
    }

    private static async Task<TimeSpan> RequestAsync(PostQueries queries, Guid profileId, PostListQuery query)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var page = await queries.OpenAsync(profileId, query, CancellationToken.None)
            ?? throw new InvalidOperationException("The benchmark profile vanished.");
        await JsonSerializer.SerializeAsync(Stream.Null, page, Json);
        return stopwatch.Elapsed;
    }
}
