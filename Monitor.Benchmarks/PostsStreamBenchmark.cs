using System.Diagnostics;
using System.Text.Json;
using Monitor.Core.Catalog;
using Monitor.Core.Posts;

namespace Monitor.Benchmarks;

/// <summary>
/// One large page of posts with history written to a response body, two ways side by side: materialised (the whole
/// page read, then serialised: the endpoint before streaming) and streamed (<see cref="PostQueries.OpenAsync"/>: count
/// and rows, then the items serialised as their history is read, the endpoint now). Time to the first byte, total time,
/// bytes allocated (medians), and in one more request each, untimed, the live heap's peak over its level before the
/// request (collected at the writes).
/// </summary>
internal sealed class PostsStreamBenchmark(BenchmarkSettings settings)
{
    public sealed record Figures(double FirstByteMs, double TotalMs, double AllocatedMb, double PeakLiveMb);

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

        var materialisedLive = await MaterialisedAsync(queries, profileId, query, measureLive: true);
        var streamedLive = await StreamedAsync(queries, profileId, query, measureLive: true);
        return (Median(materialised) with { PeakLiveMb = materialisedLive.PeakLiveMb }, Median(streamed) with { PeakLiveMb = streamedLive.PeakLiveMb });
    }

    private static Task<Figures> MaterialisedAsync(PostQueries queries, Guid profileId, PostListQuery query, bool measureLive = false) =>
        MeasureAsync(measureLive, async body =>
        {
            var page = await queries.ListAsync(profileId, query, CancellationToken.None)
                ?? throw new InvalidOperationException("The benchmark profile vanished.");
            await JsonSerializer.SerializeAsync(body, page, PostsHistoryBenchmark.Json);
        });

    private static Task<Figures> StreamedAsync(PostQueries queries, Guid profileId, PostListQuery query, bool measureLive = false) =>
        MeasureAsync(measureLive, async body =>
        {
            await using var page = await queries.OpenAsync(profileId, query, CancellationToken.None)
                ?? throw new InvalidOperationException("The benchmark profile vanished.");
            await JsonSerializer.SerializeAsync(body, page, PostsHistoryBenchmark.Json);
        });

    private static async Task<Figures> MeasureAsync(bool measureLive, Func<Stream, Task> request)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var body = new FirstByteStream(clock, measureLive);
        await request(body);
        var total = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Figures(
            (body.FirstByte ?? total).TotalMilliseconds,
            total.TotalMilliseconds,
            allocated / 1024.0 / 1024.0,
            Math.Max(0, body.PeakLiveHeap - heapBefore) / 1024.0 / 1024.0);
    }

    private static Figures Median(List<Figures> figures) => new(
        Rounds.Median(figures.Select(f => f.FirstByteMs)),
        Rounds.Median(figures.Select(f => f.TotalMs)),
        Rounds.Median(figures.Select(f => f.AllocatedMb)),
        Rounds.Median(figures.Select(f => f.PeakLiveMb)));
}
