using System.Diagnostics;

namespace Monitor.Benchmarks;

/// <summary>
/// The posts endpoint itself over HTTP (the app in this process on a real port, the same database): time to the first
/// byte of the body and to its end for a page with history, medians, the JSON read as a client reads it.
/// </summary>
internal sealed class PostsHttpBenchmark(BenchmarkSettings settings)
{
    public async Task<(double FirstByteMs, double TotalMs, long Bytes)> RunAsync(BenchDatabase database, Guid profileId, int pageSize)
    {
        await using var app = new BenchWebApp(database, [new("QUEUE_NAME", "none")]);
        using var http = new HttpClient { BaseAddress = app.Start(), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchWebApp.ApiKey);
        var path = new Uri($"/api/tiktok/profiles/{profileId}/posts?includeHistory=true&pageSize={pageSize}", UriKind.Relative);
        await RequestAsync(http, path);
        var firstBytes = new List<double>();
        var totals = new List<double>();
        long bytes = 0;
        for (var i = 0; i < Math.Max(3, settings.HistoryRequests / 4) * settings.Rounds; i++)
        {
            var (first, total, length) = await RequestAsync(http, path);
            firstBytes.Add(first);
            totals.Add(total);
            bytes = length;
        }

        return (Rounds.Median(firstBytes), Rounds.Median(totals), bytes);
    }

    private static async Task<(double FirstByteMs, double TotalMs, long Bytes)> RequestAsync(HttpClient http, Uri path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var read = await body.ReadAsync(buffer);
        var firstByte = clock.Elapsed.TotalMilliseconds;
        long length = read;
        while (read > 0)
        {
            read = await body.ReadAsync(buffer);
            length += read;
        }

        return (firstByte, clock.Elapsed.TotalMilliseconds, length);
    }
}
