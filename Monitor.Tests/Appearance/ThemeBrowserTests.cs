using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Monitor.Core.Appearance;
using Monitor.Core.Identity;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Appearance;

/// <summary>The theme switch in Chromium: dark kept on the user (a fresh browser gets it), system following the device.</summary>
public sealed class ThemeBrowserTests(BrowserFixture browser, AppearanceAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<AppearanceAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Theme_Dark_StoredOnTheUserAndAppliedInAnotherBrowser()
    {
        await app.SeedAsync();
        var page = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync("/profiles");
        await BrowserFixture.WaitForCircuitAsync(page);
        Assert.False(await IsDarkAsync(page));

        await ChooseAsync(page, "dark");

        await WaitForDarkAsync(page, true);
        await using (var db = app.Database.CreateDbContext())
        {
            Assert.Equal(ThemePreference.Dark, await db.Users.Where(u => u.UserName == LiveAppFixture.AdminUser).Select(u => u.Theme).SingleAsync());
        }

        // Another browser (no cookie yet): the user's choice follows them.
        var other = await app.NewSignedInPageAsync(browser);
        await other.GotoAsync($"/profiles/{app.ProfileId}?tab=trends");
        await BrowserFixture.WaitForCircuitAsync(other);
        await WaitForDarkAsync(other, true);

        // The first paint of the next page is dark already: the cookie tells the server.
        var response = await other.GotoAsync("/groups");
        Assert.Contains("monitor-theme=dark", await other.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);
        Assert.NotNull(response);
        await BrowserFixture.WaitForCircuitAsync(other);
        await Expect(other.Locator("[data-testid=app-version]")).ToContainTextAsync("v1.");

        await other.GotoAsync("/profiles");
        await Expect(other.Locator("[data-testid=profile-link]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(other, "theme-dark-profiles");
        await other.GotoAsync($"/profiles/{app.ProfileId}?tab=trends");
        await BrowserFixture.WaitForCircuitAsync(other);
        await Expect(other.Locator("[data-testid=metric-value-posts]")).Not.ToHaveTextAsync("0", new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(other, "theme-dark-profile-trends");
        await other.GotoAsync($"/profiles/{app.ProfileId}");
        await Expect(other.Locator("[data-testid=post-row]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(other, "theme-dark-profile-posts");
        await other.GotoAsync($"/profiles/{app.ProfileId}?tab=insights");
        await BrowserFixture.WaitForCircuitAsync(other);
        await BrowserFixture.SaveScreenshotAsync(other, "theme-dark-profile-insights");
        await other.GotoAsync($"/groups/{app.GroupId}");
        await BrowserFixture.WaitForCircuitAsync(other);
        await BrowserFixture.SaveScreenshotAsync(other, "theme-dark-group");

        await ChooseAsync(other, "light");
        await WaitForDarkAsync(other, false);
    }

    [Fact]
    public async Task Theme_System_FollowsTheDevice()
    {
        var page = await app.NewSignedInPageAsync(browser, LiveAppFixture.AdminUser, LiveAppFixture.AdminPassword);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync("/settings");
        await BrowserFixture.WaitForCircuitAsync(page);

        await ChooseAsync(page, "system");
        await WaitForDarkAsync(page, true);

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await WaitForDarkAsync(page, false);
        await BrowserFixture.SaveScreenshotAsync(page, "theme-system-light");
    }

    private static async Task ChooseAsync(IPage page, string theme)
    {
        await page.Locator("[data-testid=theme-switch] button").First.ClickAsync();
        await page.Locator($"[data-testid=theme-{theme}]").ClickAsync();
    }

    /// <summary>The page's background as MudBlazor's palette paints it is dark (luminance under a half).</summary>
    private static Task<bool> IsDarkAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
        }
        """);

    private static async Task WaitForDarkAsync(IPage page, bool dark)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await IsDarkAsync(page) != dark)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the page did not turn {(dark ? "dark" : "light")}");
            await Task.Delay(100);
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
