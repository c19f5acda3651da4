using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Browser;

/// <summary>The profile page's refresh panel in Chromium: by post age, its ladder, and a full scan that reads every post.</summary>
public sealed class ScanPanelBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task ProfilePage_ByAgeThenFullScan_ShowsTheLadderAndRunsAFullScan()
    {
        var profiles = app.Factory.Services.GetRequiredService<ProfileService>();
        var added = await profiles.AddAsync("scan.panel.demo", monitoringEnabled: false, CancellationToken.None);
        var profileId = added.Profile!.Id;
        var page = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync($"/profiles/{profileId}");
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.Locator("[data-testid=scan-mode-byage]").ClickAsync();
        await Expect(page.Locator("[data-testid=scan-rung]")).ToHaveCountAsync(3, new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=scan-rung]").First).ToContainTextAsync("Posts under 7 days");
        await Expect(page.Locator("[data-testid=scan-rung]").First).ToContainTextAsync("every 6 hours");
        await Expect(page.Locator("[data-testid=scan-rung]").Last).ToContainTextAsync("weekly");

        await page.Locator("[data-testid=full-scan]").ClickAsync();
        await Expect(page.GetByText("Full scan queued")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.GetByText("Run completed for @scan.panel.demo").Last).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=scan-rung]").Last).Not.ToContainTextAsync("never", new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "profile-scan-panel");

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        Assert.Equal(ScanMode.ByAge, (await db.Profiles.SingleAsync(p => p.Id == profileId)).ScanMode);
        var run = await db.Runs.SingleAsync(l => l.ProfileId == profileId);
        Assert.Equal((MonitoringStatus.Completed, true, (int?)null), (run.Status, run.FullScanRequested, run.ScanWindowHours));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
