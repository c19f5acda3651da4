using Microsoft.Playwright;
using Monitor.Tests.Browser;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Insights;

/// <summary>
/// The insights tab in Chromium over crafted posts: the engagement card, the heatmap in the browser's zone and the
/// leaderboards render; a hashtag clicked shows the posts tab filtered. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class InsightsBrowserTests(BrowserFixture browser, DashboardAppFixture app) : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task InsightsTab_CraftedPosts_ShowsFiguresAndAHashtagClickFiltersThePosts()
    {
        var seed = new InsightSeed(app.Database.ContextFactory);
        var profile = await seed.ProfileAsync("insights.walk");
        string[][] tags = [["dance", "fyp"], ["cats"], ["dance"], ["fyp", "travel"]];
        int[] hours = [8, 12, 18];
        for (var i = 0; i < 60; i++)
        {
            // One post a day at 08:00, 12:00 or 18:00 UTC: about three posts in each of 21 weekday-hour cells.
            var views = 1_000L + (i * 7_919 % 9_000);
            var tagsJson = "[" + string.Join(",", tags[i % tags.Length].Select(t => $"\"{t}\"")) + "]";
            var original = i % 5 == 0;
            await seed.PostAsync(profile, InsightSeed.Origin.Date.AddDays(-i).AddHours(hours[i % 3]), InsightSeed.Counts(views * 2, views / 10, views / 50, views / 100, views / 40),
                [(12, views / 2), (22, views), (150, views * 2)],
                p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundAuthor, p.SoundIsOriginal) =
                    (tagsJson, original ? $"74100000000000{i:00000}" : $"7400000000000000{i % 3:000}", original ? "original sound" : $"Trending song {i % 3}", original ? "insights.walk" : "Band", original));
        }

        var page = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync($"/profiles/{profile}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Insights" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=best-time-grid]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-testid=engagement-window-text]")).ToContainTextAsync("the last 30 posts by posting time: 30 posts");
        await Assertions.Expect(page.Locator("[data-testid=hashtag-leaderboard] [data-testid=leaderboard-row]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=original-sound-leaderboard] [data-testid=leaderboard-row]")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("[data-testid=same-age-card]")).ToContainTextAsync("60 of 60 posts");
        Assert.Contains("by posting time in", await page.Locator("[data-testid=best-time-caption]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.SaveScreenshotAsync(page, "insights-tab");

        await page.Locator("[data-testid=hashtag-leaderboard] [data-key=cats] [data-testid=leaderboard-key]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=post-row]")).ToHaveCountAsync(15, new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("input[data-testid=filter-hashtag], [data-testid=filter-hashtag] input")).ToHaveValueAsync("#cats");
        await BrowserFixture.SaveScreenshotAsync(page, "insights-posts-filtered-by-hashtag");
        await page.Context.CloseAsync();
    }
}
