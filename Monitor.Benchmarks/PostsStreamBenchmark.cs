using System.Diagnostics;
using System.Text.Json;
using Monitor.Core.Posts;

namespace Monitor.Benchmarks;

/// <summary>
/// One large page of posts with history written to a response body, two ways side by side: materialised (the whole
/// page read, then serialised: the endpoint before streaming) and streamed (<see cref="PostQueries.OpenAsync"/>: count
/// and rows, then the items serialised as their history is read, the endpoint now). Time to the first byte, total time,
/// bytes allocated and the heap's growth over its level before the request (sampled at each write), medians.
/// </summary>
internal sealed class PostsStreamBenchmark(BenchmarkSettings settings)
{
    public sealed record Figures(double FirstByteMs, double TotalMs, double AllocatedMb, double PeakGrowthMb);

    public async Task<(Figures Materialised, Figures Streamed)> RunAsync(BenchDatabase database, Guid profileId, int pageSize)
    {
        var queries = database.Get<PostQueries>();
        var query = new PostListQuery(PageSize: pageSize, HistoryDepth: PostListQuery.MaxHistoryDepth);
        await MaterialisedAsync(queries, profileId, query);
        await StreamedAsync(queries, profileId, query);
        var materialised = new List<Figures>();
        var streamed = new List<Figures>();
        var requests = Math.Max(3, settings.HistoryRequests / 4) * settings.Rounds;
        for (var i = 0; i < requests; i++)
        {
            materialised.Add(await MaterialisedAsync(queries, profileId, query));
            streamed.Add(await StreamedAsync(queries, profileId, query));
        }

        return (Median(materialised), Median(streamed));
    }

    private static Task<Figures> MaterialisedAsync(PostQueries queries, Guid profileId, PostListQuery query) =>
        MeasureAsync(async body =>
        {
            var page = await queries.ListAsync(profileId, query, CancellationToken.None)
                ?? throw new InvalidOperationException("The benchmark profile vanished.");
            await JsonSerializer.SerializeAsync(body, page, PostsHistoryBenchmark.Json);
        });

    private static Task<Figures> StreamedAsync(PostQueries queries, Guid profileId, PostListQuery query) =>
        MeasureAsync(async body =>
        {
            await using var page = await queries.OpenAsync(profileId, query, CancellationToken.None)
                ?? throw new InvalidOperationException("The benchmark profile vanished.");
            await JsonSerializer.SerializeAsync(body, page, PostsHistoryBenchmark.Json);
        });

    private static async Task<Figures> MeasureAsync(Func<Stream, Task> request)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var body = new FirstByteStream(clock);
        await request(body);
        var total = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Figures(
            (body.FirstByte ?? total).TotalMilliseconds,
            total.TotalMilliseconds,
            allocated / 1024.0 / 1024.0,
            Math.Max(0, body.PeakHeap - heapBefore) / 1024.0 / 1024.0);
    }

    private static Figures Median(List<Figures> figures) => new(
        Rounds.Median(figures.Select(f => f.FirstByteMs)),
        Rounds.Median(figures.Select(f => f.TotalMs)),
        Rounds.Median(figures.Select(f => f.AllocatedMb)),
        Rounds.Median(figures.Select(f => f.PeakGrowthMb)));
}
