using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Monitor.Core.Posts;

namespace Monitor.Benchmarks;

/// <summary>
/// The profile page of a profile with many posts (seeded through the bulk path, two snapshots each), opened in headless
/// Chromium against the app in this process: time from navigation to the first post row visible, beside the time the
/// HTML took to arrive (the browser's own navigation timing), and to the circuit turning interactive; then the GC heap
/// and working set each open circuit costs (N pages held open, the heap collected before and after).
/// </summary>
internal sealed class ProfilePageBenchmark(BenchmarkSettings settings)
{
    // The first load compiles the app's pages: at a load average of 60 on 2 cores it passed a minute.
    private const float PageTimeoutMs = 180_000;

    public sealed record Figures(
        double HtmlMedianMs, double FirstPostMedianMs, double HtmlP95Ms, double FirstPostP95Ms, double InteractiveMedianMs,
        double LeadMedianMs, double HeapMbPerCircuit, double WorkingSetMbPerCircuit, double CommittedMbPerCircuit,
        double PublishedResidentMbPerPage, double PublishedResidentMbBefore);

    public async Task<Figures> RunAsync(BenchDatabase database)
    {
        var profileId = await database.AddProfileAsync("bench_profile_page");
        var ingestor = database.Get<PostIngestor>();
        var now = DateTime.UtcNow;
        for (var snapshot = 0; snapshot < 2; snapshot++)
        {
            await ingestor.IngestAsync(profileId, Posts.Make(settings.ProfilePagePosts, 7_600_000_000_000_000_000, snapshot), now.AddHours(snapshot - 2), CancellationToken.None);
        }

        await using var browser = await BenchBrowser.LaunchAsync();
        var inProcess = await InProcessAsync(database, browser, profileId);
        var (perPage, before) = await PublishedResidentAsync(database, browser, profileId);
        return inProcess with { PublishedResidentMbPerPage = perPage, PublishedResidentMbBefore = before };
    }

    private async Task<Figures> InProcessAsync(BenchDatabase database, BenchBrowser browser, Guid profileId)
    {
        await using var app = new BenchWebApp(database, [new("QUEUE_NAME", "none")]);
        var url = new Uri(app.Start(), $"profiles/{profileId}").ToString();

        // The first load warms the app (JIT, EF model, static files) and the browser.
        await LoadAsync(browser, url);
        var html = new List<double>();
        var firstPost = new List<double>();
        var interactive = new List<double>();
        var lead = new List<double>();
        for (var i = 0; i < settings.ProfilePageLoads; i++)
        {
            var (h, f, c) = await LoadAsync(browser, url);
            html.Add(h);
            firstPost.Add(f);
            interactive.Add(c);
            lead.Add(c - f);
        }

        var (heap, workingSet, committed) = await CircuitMemoryAsync(browser, url);
        return new Figures(Rounds.Median(html), Rounds.Median(firstPost), Rounds.Percentile(html, 95), Rounds.Percentile(firstPost, 95),
            Rounds.Median(interactive), Rounds.Median(lead), heap, workingSet, committed, 0, 0);
    }

    /// <summary>
    /// The published app as a web node of its own (<c>QUEUE_NAME=none</c>, its deployed GC settings), read from outside:
    /// its resident memory (<c>VmRSS</c>) settled before and with the pages open, no collection forced.
    /// </summary>
    private async Task<(double MbPerPage, double MbBefore)> PublishedResidentAsync(BenchDatabase database, BenchBrowser browser, Guid profileId)
    {
        var environment = database.Configuration.AsEnumerable().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        environment["QUEUE_NAME"] = "none";
        environment["Security:AllowLoopbackWithoutSignIn"] = "true";
        environment["MONITOR_ADMIN_USER"] = "bench-admin";
        environment["MONITOR_ADMIN_PASSWORD"] = "bench-admin-password-1";
        await using var node = AppNode.Start("web", environment, await PublishedWeb.GetFolderAsync(settings));
        try
        {
            await node.WaitForHealthyAsync(TimeSpan.FromMinutes(3));
            var url = new Uri(node.BaseAddress, $"profiles/{profileId}").ToString();
            for (var i = 0; i < (settings.Smoke ? 1 : 3); i++)
            {
                await LoadAsync(browser, url);
            }

            var before = await SettledResidentAsync(node);
            var pages = await OpenAsync(browser, url);
            try
            {
                var after = await SettledResidentAsync(node);
                return ((after - before) / 1024.0 / 1024.0 / pages.Count, before / 1024.0 / 1024.0);
            }
            finally
            {
                foreach (var page in pages)
                {
                    await page.Context.CloseAsync();
                }
            }
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{node.Tail()}", e);
        }
    }

    /// <summary>The median of five readings a second apart, after ten quiet seconds (the circuits' first renders done).</summary>
    private async Task<long> SettledResidentAsync(AppNode node)
    {
        // The smoke run checks the row, not the figure: it waits a second instead of ten.
        await Task.Delay(TimeSpan.FromSeconds(settings.Smoke ? 1 : 10));
        var readings = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            readings.Add(node.ResidentBytes());
            await Task.Delay(TimeSpan.FromSeconds(settings.Smoke ? 0.2 : 1));
        }

        return readings.Order().ElementAt(readings.Count / 2);
    }

    private async Task<List<IPage>> OpenAsync(BenchBrowser browser, string url)
    {
        var pages = new List<IPage>();
        for (var i = 0; i < settings.ProfilePageCircuits; i++)
        {
            var page = await browser.NewPageAsync();
            pages.Add(page);
            await page.GotoAsync(url, new() { Timeout = PageTimeoutMs });
            await page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = PageTimeoutMs });
            await page.Locator("[data-testid=post-row]").First.WaitForAsync(new() { Timeout = PageTimeoutMs });
        }

        return pages;
    }

    private static async Task<(double HtmlMs, double FirstPostMs, double InteractiveMs)> LoadAsync(BenchBrowser browser, string url)
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => problems.Add($"console {m.Type}: {m.Text}");
        page.RequestFailed += (_, r) => problems.Add($"failed: {r.Url} {r.Failure}");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                problems.Add($"{r.Status}: {r.Url}");
            }
        };
        try
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = PageTimeoutMs });
            await page.Locator("[data-testid=post-row]").First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = PageTimeoutMs });
            var firstPost = clock.Elapsed.TotalMilliseconds;
            await page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = PageTimeoutMs });
            var interactive = clock.Elapsed.TotalMilliseconds;
            var html = await page.EvaluateAsync<double>("performance.getEntriesByType('navigation')[0].responseEnd");
            return (html, firstPost, interactive);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nThe page said:\n{string.Join('\n', problems)}", ex);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<(double HeapMb, double WorkingSetMb, double CommittedMb)> CircuitMemoryAsync(BenchBrowser browser, string url)
    {
        var (heapBefore, workingSetBefore) = Collected();
        var committedBefore = Committed();
        var pages = await OpenAsync(browser, url);
        try
        {
            var (heapAfter, workingSetAfter) = Collected();
            var committedAfter = Committed();
            return (PerPage(heapAfter - heapBefore), PerPage(workingSetAfter - workingSetBefore), PerPage(committedAfter - committedBefore));
            double PerPage(long bytes) => bytes / 1024.0 / 1024.0 / pages.Count;
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>The memory the GC keeps committed (live objects, free space, its bookkeeping): its part of the working set.</summary>
    private static long Committed() => GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;

    /// <summary>The GC heap after a full, compacting collection, and the process's working set then.</summary>
    internal static (long Heap, long WorkingSet) Collected()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
