using Microsoft.Playwright;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Cluster;

/// <summary>
/// The README's deployment in a browser: the profile page served by a web node (<c>QUEUE_NAME=none</c>) follows a run
/// that a worker process executes, with no reload.
/// </summary>
[Trait("Category", "Process")]
public sealed class WebNodeBrowserTests(BrowserFixture browser) : ProcessTests<PostgresDatabase>, IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;
    [Fact]
    public async Task UpdateNowOnWebNode_RunOnWorker_ProgressToastAndNewTotalsWithoutReload()
    {
        var creators = new SyntheticCreators(pages: 6, postsPerPage: 5);
        Upstream.ServeSyntheticCreators(creators, TimeSpan.FromMilliseconds(20));
        // The third page waits until both pages have shown the run's progress: a run in progress is there to be seen
        // however slowly the browser follows (on a busy machine the whole run once ended before the queue page looked).
        using var thirdPage = new ManualResetEventSlim();
        Upstream.ServeFeed("web.node", cursor =>
        {
            if (cursor == "3" && !thirdPage.Wait(TimeSpan.FromMinutes(2)))
            {
                return (503, """{"success":false,"message":"the test never released page 3"}""");
            }

            return (200, creators.Videos("web.node", cursor));
        }, TimeSpan.FromMilliseconds(20));
        await using var cluster = await ClusterNodes.StartAsync(Database.ConnectionString, Upstream, workers: 1);
        using var api = cluster.WebClient();
        var profile = await ClusterNodes.AddProfileAsync(api, "web.node");
        var page = await SignedInPageAsync(cluster);
        await page.GotoAsync($"/profiles/{profile}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=metric-value-posts]")).ToHaveTextAsync("0");
        // Survives only if the page is never reloaded.
        await page.EvaluateAsync("() => window.__sameDocument = true");

        // The list and the queue, open on the web node too, follow the same run.
        var list = await SignedInPageAsync(cluster);
        await list.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(list);
        var row = list.Locator("[data-testid=profile-row]", new() { HasText = "@web.node" }).Locator("xpath=ancestor::tr");
        await Expect(row).ToContainTextAsync("never run");
        var queue = await SignedInPageAsync(cluster);
        await queue.GotoAsync("/monitoring");
        await BrowserFixture.WaitForCircuitAsync(queue);
        await Expect(queue.Locator("[data-testid=runs-in-progress]")).ToContainTextAsync("Nothing is queued or running");

        await page.Locator("[data-testid=update-now]").ClickAsync();

        await Expect(page.Locator("[data-testid=run-progress]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=run-progress-pages]")).ToHaveTextAsync("2 pages", new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "web-node-run-progress");
        await Expect(queue.Locator("[data-testid=runs-in-progress] [data-testid=run-progress-pages]")).ToHaveTextAsync("2 pages", new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(queue, "web-node-monitoring-in-progress");
        thirdPage.Set();
        await Expect(page.GetByText("Run completed for @web.node")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=run-progress]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=metric-value-posts]")).ToHaveTextAsync(creators.PostsPerCreator.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=metric-value-views]")).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("[data-testid=update-now]")).ToBeEnabledAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded");
        await BrowserFixture.SaveScreenshotAsync(page, "web-node-run-completed");
        await Expect(row.Locator("[data-testid=status-chip]")).ToContainTextAsync("ompleted", new() { Timeout = Timeout });
        await Expect(row).ToContainTextAsync("33K");
        await Expect(queue.Locator("[data-testid=stat-completed-value]")).ToHaveTextAsync("1", new() { Timeout = Timeout });
        await Expect(queue.Locator("[data-testid=runs-in-progress]")).ToContainTextAsync("Nothing is queued or running");
        await BrowserFixture.SaveScreenshotAsync(list, "web-node-profiles-after-run");
        Assert.NotEmpty(await ClusterNodes.WaitForACompletedRunAsync(cluster.Workers[0]));
    }

    private async Task<IPage> SignedInPageAsync(ClusterNodes cluster)
    {
        var page = await browser.NewPageAsync(cluster.Web.BaseAddress);
        await BrowserFixture.SignInAsync(page, LiveAppFixture.AdminUser, LiveAppFixture.AdminPassword);
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
