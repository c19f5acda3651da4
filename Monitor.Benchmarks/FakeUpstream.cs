using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Monitor.Benchmarks;

/// <summary>
/// ScrapeCreators over HTTP on 127.0.0.1 with a fixed latency a request: every handle is a creator of
/// <c>pages × postsPerPage</c> posts, the feed's cursor being the next page's number; each first page served raises the
/// views, so each run changes the totals. The app reaches it through its real client (Refit, resilience), as it would
/// the real API.
/// </summary>
internal sealed class FakeUpstream(TimeSpan latency, int pages, int postsPerPage) : IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _generations = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _numbers = new(StringComparer.Ordinal);
    private long _lastNumber;
    private TimeSpan _latency = latency;
    private WebApplication? _app;
    private long _requests;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public long Requests => Interlocked.Read(ref _requests);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/v1/tiktok/profile", async (string handle, CancellationToken token) =>
        {
            await DelayAsync(token);
            return Results.Text(Profile(handle), "application/json");
        });
        _app.MapGet("/v3/tiktok/profile/videos", async (string handle, string? max_cursor, CancellationToken token) =>
        {
            await DelayAsync(token);
            return Results.Text(Videos(handle, max_cursor), "application/json");
        });
        // The cluster benchmark measures the run queue's ceiling with the upstream answering at once.
        _app.MapPost("/bench/latency/{milliseconds:int}", (int milliseconds) =>
        {
            _latency = TimeSpan.FromMilliseconds(milliseconds);
            return Results.NoContent();
        });
        _app.MapGet("/v1/account/credit-balance", () => Results.Text("""{"creditCount":1000000}""", "application/json"));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First().TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private Task DelayAsync(CancellationToken token)
    {
        Interlocked.Increment(ref _requests);
        var latency = _latency;
        return latency > TimeSpan.Zero ? Task.Delay(latency, token) : Task.CompletedTask;
    }

    private string Profile(string handle) => JsonSerializer.Serialize(new
    {
        success = true,
        user = new { id = UserId(handle), uniqueId = handle, nickname = $"Bench {handle}", secUid = $"sec-{handle}", privateAccount = false },
        stats = new { followerCount = 1000, followingCount = 10 },
    });

    private string Videos(string handle, string? cursor)
    {
        var page = string.IsNullOrEmpty(cursor) || cursor == "0" ? 1 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var generation = page == 1 ? _generations.AddOrUpdate(handle, 1, (_, g) => g + 1) : _generations.GetValueOrDefault(handle, 1);
        var hash = Number(handle);
        var posts = Enumerable.Range(0, postsPerPage).Select(i => new
        {
            aweme_id = (7_000_000_000_000_000_000 + (hash * 100_000) + (page * 1_000) + i).ToString(CultureInfo.InvariantCulture),
            desc = $"Post {page}.{i} of {handle} #bench",
            create_time = 1_760_000_000 - (page * 1000) - i,
            statistics = new { play_count = 1000 + (100 * generation) + i, digg_count = 100 + i, comment_count = 10, share_count = 5, collect_count = 2 },
        });
        return JsonSerializer.Serialize(new
        {
            success = true,
            aweme_list = posts,
            has_more = page < pages ? 1 : 0,
            max_cursor = page < pages ? (page + 1).ToString(CultureInfo.InvariantCulture) : "0",
        });
    }

    private string UserId(string handle) => (6_000_000_000_000_000_000 + Number(handle)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A number of the handle's own, so every creator's post ids are distinct.</summary>
    private long Number(string handle) => _numbers.GetOrAdd(handle, _ => Interlocked.Increment(ref _lastNumber));
}
