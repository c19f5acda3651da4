using Microsoft.Playwright;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security;

/// <summary>The first start in Chromium: no user yet, so every page leads to the one-time setup page.</summary>
public sealed class FirstStartBrowserTests(BrowserFixture browser, FirstStartAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<FirstStartAppFixture>
{
    [Fact]
    public async Task Setup_CreatesTheAdminSignsInAndClosesForGood()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        var errors = ConsoleErrors.Watch(page);

        await page.GotoAsync("/monitoring");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await page.Locator("[data-testid=field-UserName]").FillAsync("first-admin");
        await page.Locator("[data-testid=field-Password]").FillAsync("first-admin-password");
        await page.Locator("[data-testid=field-ConfirmPassword]").FillAsync("first-admin-password-typo");
        await page.Locator("[data-testid=setup-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=account-error]")).ToContainTextAsync("The two passwords differ");
        await BrowserFixture.SaveScreenshotAsync(page, "security-setup");
        await page.Locator("[data-testid=field-UserName]").FillAsync("first-admin");
        await page.Locator("[data-testid=field-Password]").FillAsync("first-admin-password");
        await page.Locator("[data-testid=field-ConfirmPassword]").FillAsync("first-admin-password");
        await page.Locator("[data-testid=setup-submit]").ClickAsync();

        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("first-admin");
        var stranger = await browser.NewPageAsync(app.BaseAddress);
        await stranger.GotoAsync("/setup");
        await Assertions.Expect(stranger).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        Assert.Empty(errors.All);
    }
}
