using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Audience;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Tests.Browser;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Audience;

/// <summary>The Audience tab in Chromium: a month of follower counts drawn, gains and the milestone written out (screenshot kept).</summary>
public sealed class AudienceTabBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task AudienceTab_AMonthOfCounts_ShowsChartGainsAndMilestone()
    {
        var services = app.Factory.Services;
        var added = await services.GetRequiredService<ProfileService>().AddAsync("audience.tab", monitoringEnabled: false, CancellationToken.None);
        var profileId = added.Profile!.Id;
        await using (var db = await services.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync())
        {
            // The simulated account's own count (from the add) would sit beside the crafted month: the month alone is drawn.
            await db.AccountHistory.Where(s => s.ProfileId == profileId).ExecuteDeleteAsync();
            var last = DateTime.UtcNow.AddMinutes(-5);
            db.AccountHistory.AddRange(Enumerable.Range(0, 31).Select(daysAgo => new ProfileAccountSnapshot
            {
                ProfileId = profileId,
                RecordedAt = last.AddDays(-daysAgo),
                FollowerCount = 84_000 - (daysAgo * 350) + (daysAgo % 3 * 120),
                FollowingCount = 180,
                LikesCount = 2_400_000 - (daysAgo * 9_000),
                VideoCount = 140 - (daysAgo / 3),
                Source = AccountSnapshotSource.FeedAuthor,
            }));
            await db.SaveChangesAsync();
        }

        var page = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync($"/profiles/{profileId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Audience" }).ClickAsync();

        await Expect(page.Locator("[data-testid=follower-chart] svg")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=milestone-explanation]")).ToContainTextAsync("100K projected around", new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=gain-30d]")).ToContainTextAsync("%");
        await page.Locator("[data-testid=follower-chart-range]").GetByText("All").ClickAsync();
        await Expect(page.Locator("[data-testid=follower-chart]")).ToHaveAttributeAsync("data-points", "31", new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "audience-tab");
        await page.Locator("[data-testid=audience-section] [data-testid=chart-mode]").GetByText("Daily change").ClickAsync();
        await Expect(page.Locator("[data-testid=daily-change-chart]")).ToHaveAttributeAsync("data-days", "30", new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "audience-tab-daily");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
