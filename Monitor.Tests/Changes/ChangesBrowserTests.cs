using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Tests.Browser;
using Monitor.Tests.Infrastructure;
using Monitor.Web.Components.Pages.Changes;

namespace Monitor.Tests.Changes;

/// <summary>The Changes tab and the chart markers in Chromium: a note added through the form shows in the feed and on the Trends chart.</summary>
public sealed class ChangesBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task ProfilePage_NoteAddedOnTheChangesTab_ListedAndMarkedOnTheChart()
    {
        var added = await app.Factory.Services.GetRequiredService<ProfileService>().AddAsync("changes.walk.demo", monitoringEnabled: false, CancellationToken.None);
        var profileId = added.Profile!.Id;
        await SeedAsync(profileId);
        var page = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync($"/profiles/{profileId}");
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Changes" }).ClickAsync();
        await Expect(page.Locator("[data-testid=change-row]")).ToHaveCountAsync(3, new() { Timeout = Timeout });
        await page.Locator("[data-testid=note-text] input, input[data-testid=note-text]").First.FillAsync("Campaign start");
        await page.Locator("[data-testid=note-add]").ClickAsync();
        await Expect(page.Locator("[data-testid=change-row][data-kind=annotation]")).ToContainTextAsync("Campaign start", new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "profile-changes-tab");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Trends" }).ClickAsync();
        await Expect(page.Locator("[data-testid=chart-marker-caption_edited]")).ToContainTextAsync("Caption edited × 1", new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=chart-marker-annotation]")).ToContainTextAsync("Note × 1", new() { Timeout = Timeout });
        await page.Locator($"[data-testid=profile-chart] circle[stroke='{ChangeText.Colour(ChangeKinds.Annotation)}'][opacity='0']").HoverAsync();
        await Expect(page.Locator("[data-testid=profile-chart]").GetByText("Note: Campaign start")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.Locator("[data-testid=profile-chart]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "profile-chart-markers.png") });
    }

    /// <summary>Six days of totals, a caption edit and a pin two days ago, a nickname change four days ago.</summary>
    private async Task SeedAsync(Guid profileId)
    {
        var noon = DateTime.UtcNow.Date.AddHours(12);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        foreach (var (daysAgo, views) in new[] { (5, 10_000L), (4, 14_000L), (3, 15_000L), (2, 22_000L), (1, 30_000L), (0, 31_000L) })
        {
            db.ProfileMetricsHistory.Add(new() { ProfileId = profileId, Totals = PostMetrics.From(_ => 0) with { Views = views }, TotalPosts = 3, RecordedAt = noon.AddDays(-daysAgo).AddHours(-1) });
        }

        db.Add(new ProfileChange { ProfileId = profileId, Kind = ChangeKinds.CaptionEdited, OldValue = "New dance", NewValue = "New dance #fyp #dance", OccurredAt = noon.AddDays(-2).AddHours(-3) });
        db.Add(new ProfileChange { ProfileId = profileId, Kind = ChangeKinds.Pinned, OccurredAt = noon.AddDays(-2).AddHours(-2) });
        db.Add(new ProfileChange { ProfileId = profileId, Kind = ChangeKinds.NicknameChanged, OldValue = "Demo", NewValue = "Demo Creator", OccurredAt = noon.AddDays(-4) });
        await db.SaveChangesAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
