using Microsoft.Playwright;
using Monitor.Core.Scraping.Simulation;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Browser;

/// <summary>The dashboard as a user drives it in Chromium, against the app with the simulated upstream.</summary>
public sealed class DashboardBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Dashboard_AddToggleUpdateNow_ShowsLiveProgressOnTwoTabsAndTotals()
    {
        // A simulated account with a long feed (100+ posts, 5+ pages): the run lasts long enough to watch.
        var handle = Enumerable.Range(0, 200).Select(i => $"dash.live{i}").First(h => SimulatedAccount.For(h).PostCount >= 100);
        var page = await app.NewSignedInPageAsync(browser);
        var second = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=demo-banner]")).ToContainTextAsync("demo data");

        // Add through the dialog.
        await page.Locator("[data-testid=add-profile]").ClickAsync();
        await page.Locator("[data-testid=handle-input]").FillAsync("@" + handle);
        await page.Locator("[data-testid=add-profile-submit]").ClickAsync();
        var link = page.Locator("[data-testid=profile-link]", new() { HasText = "@" + handle });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-profiles");

        // The second tab waits on the list, its circuit ready, to open the profile during the run.
        await second.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(second);

        await link.ClickAsync();
        var updateNow = page.Locator("[data-testid=update-now]");
        await Expect(updateNow).ToBeEnabledAsync(new() { Timeout = Timeout });

        // Added with monitoring on: switch it off, then on again.
        var monitorSwitch = page.Locator("input[data-testid=monitor-switch], [data-testid=monitor-switch] input").First;
        await monitorSwitch.ClickAsync(new() { Force = true });
        await Expect(page.GetByText($"Monitoring disabled for @{handle}")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await monitorSwitch.ClickAsync(new() { Force = true });
        await Expect(page.GetByText($"Monitoring enabled for @{handle}")).ToBeVisibleAsync(new() { Timeout = Timeout });

        await updateNow.ClickAsync();
        await Expect(page.Locator("[data-testid=run-progress]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(updateNow).ToBeDisabledAsync();

        await Expect(page.Locator("[data-testid=run-progress-pages]")).Not.ToHaveTextAsync("0 pages", new() { Timeout = Timeout });
        await second.Locator("[data-testid=profile-link]", new() { HasText = "@" + handle }).ClickAsync();
        await Expect(second.Locator("[data-testid=run-progress]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-run-progress");
        await BrowserFixture.SaveScreenshotAsync(second, "dashboard-run-progress-second-tab");

        // Added with Monitor on, the profile's first run is queued at once: its toast may show next to Update Now's.
        await Expect(page.GetByText($"Run completed for @{handle}").Last).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=run-progress]")).ToHaveCountAsync(0);
        await Expect(second.Locator("[data-testid=run-progress]")).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Expect(updateNow).ToBeEnabledAsync();
        await Expect(page.Locator("[data-testid=metric-value-posts]")).Not.ToHaveTextAsync("0", new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=metric-value-views]")).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("[data-testid=post-row]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-profile");

        // A post's own history opens from its row.
        await page.Locator("[data-testid=post-row]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=post-chart]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-post-chart");
        // Escape closes it; under load a key pressed before the dialog's key handler is attached is lost, as a
        // user's would be: press again until the dialog is gone.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "the post chart dialog did not close on Escape within 30 s");
            await page.Keyboard.PressAsync("Escape");
            await Task.Delay(250);
        }
        while (await page.Locator("[data-testid=post-chart]").CountAsync() > 0);

        // The Logs tab lists the run.
        await page.Locator("[data-testid=activity-link]").ClickAsync();
        await Expect(page.Locator("[data-testid=log-row][data-status=completed]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-logs");
    }

    [Fact]
    public async Task Dashboard_EachPageAtPhoneAndDesktopWidth_Renders()
    {
        // One sign-in per width: sign-ins are rate limited per client (Security:SignInPermitLimit).
        foreach (var (width, height, tag) in new[] { (1280, 800, "desktop"), (390, 844, "phone") })
        {
            var page = await app.NewSignedInPageAsync(browser);
            await page.SetViewportSizeAsync(width, height);
            foreach (var (path, name) in new[]
            {
                ("/", "profiles"), ("/groups", "groups"), ("/monitoring", "monitoring"), ("/statistics", "statistics"), ("/credits", "credits"),
                ("/notifications", "notifications"), ("/settings", "settings"),
            })
            {
                await page.GotoAsync(path);
                await BrowserFixture.WaitForCircuitAsync(page);
                await Expect(page.Locator("h1, .mud-typography-h4").First).ToBeVisibleAsync();
                await BrowserFixture.SaveScreenshotAsync(page, $"dashboard-{name}-{tag}");
            }

            await page.Context.CloseAsync();
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
