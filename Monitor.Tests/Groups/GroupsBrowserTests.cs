using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Groups;
using Monitor.Tests.Browser;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Groups;

/// <summary>The groups list and a group's compare page in Chromium: the leaderboard re-ranks on a header click, the chart draws.</summary>
public sealed class GroupsBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task GroupsAndCompare_ShowTheGroupRankedAndIndexed()
    {
        var database = app.Database;
        var now = DateTime.UtcNow;
        var members = new List<(Guid, bool)>();
        foreach (var (handle, scale, posts, growth) in new[] { ("walk.us", 1, 6, 3_000L), ("walk.big", 50, 3, 1_000L), ("walk.small", 2, 9, 2_000L) })
        {
            var id = await GroupTestData.ProfileAsync(database, handle);
            for (var i = 0; i < posts; i++)
            {
                await GroupTestData.PostAsync(database, id, now.AddDays(-1 - (i * 3)), scale * 1_000L * (i + 1));
            }

            for (var day = 0; day < 10; day++)
            {
                await GroupTestData.TotalsAsync(database, id, now.AddDays(day - 12), scale * (100_000L + (day * day * growth)));
            }

            await GroupTestData.CreditsAsync(database, id, DateOnly.FromDateTime(now), scale);
            members.Add((id, handle == "walk.us"));
        }

        var groups = app.Factory.Services.GetRequiredService<GroupService>();
        var created = await groups.CreateAsync("Walk rivals", "Us against a big and a small account", CancellationToken.None);
        foreach (var (id, own) in members)
        {
            await app.Factory.Services.GetRequiredService<GroupMembership>().PutAsync(created.Group!.Id, id, own, CancellationToken.None);
        }

        var page = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync("/groups");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=group-row]", new() { HasText = "Walk rivals" })).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "groups-list");

        await page.Locator("[data-testid=group-link]", new() { HasText = "Walk rivals" }).ClickAsync();
        await Expect(page.Locator("[data-testid=compare-row]")).ToHaveCountAsync(3, new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=growth-chart]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=compare-row]").First).ToHaveAttributeAsync("data-handle", "walk.big");
        await page.Locator("[data-testid=sort-postsPerWeek]").ClickAsync();
        await Expect(page.Locator("[data-testid=compare-row]").First).ToHaveAttributeAsync("data-handle", "walk.small", new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=compare-average]")).ToHaveCountAsync(2);
        await BrowserFixture.SaveScreenshotAsync(page, "groups-compare");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("[data-testid=compare-table]")).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "groups-compare-phone");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
