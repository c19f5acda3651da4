using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Notifications.Channels;
using Monitor.Core.Reports;
using Monitor.Tests.Browser;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Notifications;

namespace Monitor.Tests.Reports;

/// <summary>The reports page in Chromium: the list, the form, the sent reports, and the preview PDF served to the signed-in browser.</summary>
public sealed class ReportsBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task ReportsPage_ListsTheReport_OpensTheForm_ServesThePreview()
    {
        var profileId = await GroupTestData.ProfileAsync(app.Database, "walk.report");
        var channel = await app.Factory.Services.GetRequiredService<ChannelService>().CreateAsync(NotificationTestData.Email(25), CancellationToken.None);
        var created = await app.Factory.Services.GetRequiredService<ReportService>().CreateAsync(new ReportInput("Walk weekly report", profileId, null, "weekly",
            "Europe/Berlin", "monday", 8, ["client@example.test"], [], channel.Channel!.Id, true), CancellationToken.None);
        Assert.True(created.Succeeded, created.Message);

        var page = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync("/reports");
        await BrowserFixture.WaitForCircuitAsync(page);
        var row = page.Locator("[data-testid=report-row]", new() { HasText = "Walk weekly report" });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(row).ToContainTextAsync("(Europe/Berlin)");
        await row.Locator("[data-testid=report-sent-toggle]").ClickAsync();
        await Expect(page.Locator("[data-testid=sent-empty]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "reports-list");

        await page.Locator("[data-testid=report-new]").ClickAsync();
        await Expect(page.Locator("[data-testid=report-form]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "reports-form");

        var preview = await page.Context.APIRequest.GetAsync($"/reports/{created.Report!.Id}/preview.pdf");
        Assert.Equal(200, preview.Status);
        Assert.Equal("application/pdf", preview.Headers["content-type"]);
        Assert.Equal("%PDF"u8.ToArray(), (await preview.BodyAsync())[..4]);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
