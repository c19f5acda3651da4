using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Scraping.Simulation;
using Monitor.Tests.Infrastructure;

namespace Monitor.Benchmarks;

/// <summary>
/// <c>Monitor.Benchmarks --serve-upstream --latency ms</c>: an upstream in a process of its own, which the app reaches
/// over HTTP as it reaches the real API. By default the app's simulated ScrapeCreators
/// (<see cref="SimulatedScrapeCreatorsHandler"/>, the accounts and pages the demo serves) hosted by Kestrel; with
/// <c>--fake-pages N</c> the tests' fake upstream (<see cref="FakeScrapeCreators"/> serving <see cref="SyntheticCreators"/>),
/// whose latency a line <c>latency ms</c> on stdin changes (answered by the same line on stdout once it applies).
/// The first line on stdout is the address.
/// </summary>
internal static class UpstreamServer
{
    public const string Argument = "--serve-upstream";
    public const string LatencyCommand = "latency";

    public static async Task<int> RunAsync(string[] args)
    {
        var latency = TimeSpan.FromMilliseconds(IntOf(args, "--latency") ?? 100);
        // Gone with the benchmark that started it, even when that one crashed.
        if (IntOf(args, "--parent") is { } parent)
        {
            _ = Task.Run(async () =>
            {
                while (Directory.Exists($"/proc/{parent}"))
                {
                    await Task.Delay(1000);
                }

                Environment.Exit(0);
            });
        }

        if (IntOf(args, "--fake-pages") is { } pages)
        {
            return await ServeFakeAsync(new SyntheticCreators(pages, IntOf(args, "--posts-per-page") ?? 30, hashtag: "bench"), latency);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        using var simulator = new HttpMessageInvoker(new SimulatedScrapeCreatorsHandler(TimeProvider.System, latency));
        await using var app = builder.Build();
        app.Run(async context =>
        {
            var uri = new Uri($"http://upstream{context.Request.Path}{context.Request.QueryString}");
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), uri);
            using var response = await simulator.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        await app.StartAsync();
        Console.WriteLine(app.Urls.First());
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task<int> ServeFakeAsync(SyntheticCreators creators, TimeSpan latency)
    {
        using var fake = new FakeScrapeCreators(keepRequestLog: false)
            .ServeSyntheticCreators(creators, latency)
            .ServeBalance("""{"creditCount":1000000}""");
        Console.WriteLine(fake.Url);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words is [LatencyCommand, var milliseconds] && int.TryParse(milliseconds, CultureInfo.InvariantCulture, out var ms))
            {
                fake.ServeSyntheticCreators(creators, TimeSpan.FromMilliseconds(ms));
                Console.WriteLine(line);
            }
        }

        return 0;
    }

    private static int? IntOf(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
