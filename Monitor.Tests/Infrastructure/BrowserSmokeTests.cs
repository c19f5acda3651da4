namespace Monitor.Tests.Infrastructure;

public sealed class BrowserSmokeTests(BrowserFixture browser, LiveAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task Home_InChromium_BecomesInteractive()
    {
        var page = await app.NewSignedInPageAsync(browser);

        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        var screenshot = await BrowserFixture.SaveScreenshotAsync(page, "home");

        Assert.Contains("Profiles", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 0);
    }
}
