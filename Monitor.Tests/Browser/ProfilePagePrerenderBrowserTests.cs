using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Catalog;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Browser;

/// <summary>
/// The profile page's first posts come with the page (prerendered), and the circuit taking over neither empties the grid
/// nor replaces the page with its skeleton on the way.
/// </summary>
public sealed partial class ProfilePagePrerenderBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    // Notes, from the first byte of the document on, whether the posts' empty state or the page's skeleton ever showed.
    private const string WatchForFlash = """
        window.__flashes = [];
        new MutationObserver(() => {
            if (document.querySelector('[data-testid=posts-empty]')) window.__flashes.push('posts-empty');
            if (document.querySelector('[data-testid=profile-loading]')) window.__flashes.push('skeleton');
        }).observe(document, { childList: true, subtree: true });
        """;

    [Fact]
    public async Task ProfilePage_WithPosts_HasTheFirstPageInItsHtmlAndKeepsItWhenInteractive()
    {
        var services = app.Factory.Services;
        var added = await services.GetRequiredService<ProfileService>().AddAsync("prerender.posts", monitoringEnabled: false, CancellationToken.None);
        var profileId = added.Profile!.Id;
        var posts = Enumerable.Range(0, 60).Select(i => new PostSnapshot
        {
            AwemeId = (7_300_000_000_000_000_000 + i).ToString(CultureInfo.InvariantCulture),
            Description = $"Prerendered post {i}",
            PostedAt = DateTime.UtcNow.AddHours(-i),
            Metrics = new(Views: 1_000 + i, Likes: 10, Shares: 1, Comments: 2, Saves: 3),
        }).ToList();
        await services.GetRequiredService<PostIngestor>().IngestAsync(profileId, posts, DateTime.UtcNow, CancellationToken.None);
        var page = await app.NewSignedInPageAsync(browser);

        // The document as the server sends it, before any script runs.
        var response = await page.Context.APIRequest.GetAsync($"/profiles/{profileId}");
        var html = await response.TextAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal(25, PostRow().Count(html));
        Assert.Contains("Prerendered post 0", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"posts-empty\"", html, StringComparison.Ordinal);

        // In the browser: the rows are there from the start and stay while the circuit takes over.
        await page.AddInitScriptAsync(WatchForFlash);
        await page.GotoAsync($"/profiles/{profileId}");
        await Expect(page.Locator("[data-testid=post-row]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=post-row]")).ToHaveCountAsync(25, new() { Timeout = Timeout });
        await Expect(page.GetByText("Prerendered post 0")).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__flashes"));

        // Interactive from here: the next page is read from the database.
        await page.Locator("button[aria-label='Next page']:visible").First.ClickAsync();
        await Expect(page.GetByText("Prerendered post 25")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("data-testid=\"post-row\"")]
    private static partial Regex PostRow();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
