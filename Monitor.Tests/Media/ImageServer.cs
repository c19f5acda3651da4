using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Monitor.Core.Scraping.Simulation;

namespace Monitor.Tests.Media;

/// <summary>
/// A CDN stand-in on 127.0.0.1 at a free port: images, a web page behind an image URL, an endless file, a response that
/// never comes, a slow image that counts how many requests are in flight at once, a redirect to a file: URL, a 500.
/// </summary>
public sealed class ImageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    private ImageServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = default!;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>A small PNG, different for each number.</summary>
    public static byte[] Png(int number) => PngImage.Encode(4, 4, (x, y) => (number * 7919) + x + y);

    public static async Task<ImageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ImageServer(app);
        app.Use(async (context, next) =>
        {
            server._hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(context);
        });
        app.MapGet("/png/{number:int}", (int number) => Results.Bytes(Png(number), "image/png"));
        app.MapGet("/jpeg", () => Results.Bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0], "image/jpeg"));
        app.MapGet("/page.png", () => Results.Text("<html><body>not an image</body></html>", "image/png"));
        app.MapGet("/endless.png", EndlessAsync);
        app.MapGet("/hang.png", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        });
        app.MapGet("/slow/{number:int}", async (int number, HttpContext context) =>
        {
            var now = Interlocked.Increment(ref server._inFlight);
            InterlockedMax(ref server._maxInFlight, now);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(150), context.RequestAborted);
                return Results.Bytes(Png(1000 + number), "image/png");
            }
            finally
            {
                Interlocked.Decrement(ref server._inFlight);
            }
        });
        app.MapGet("/to-file", () => Results.Redirect("file:///etc/passwd"));
        app.MapGet("/to-png", () => Results.Redirect("/png/77"));
        app.MapGet("/error", () => Results.StatusCode(500));
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A PNG signature and then zeros for ever, without a length: only a reader that counts stops it.</summary>
    private static async Task EndlessAsync(HttpContext context)
    {
        context.Response.ContentType = "image/png";
        await context.Response.Body.WriteAsync(Png(1).AsMemory(0, 16), context.RequestAborted);
        var chunk = new byte[64 * 1024];
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client stopped reading: that is the point.
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
