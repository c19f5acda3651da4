using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Media;
using Monitor.Core.Share;
using Monitor.Tests.Browser;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Share;

/// <summary>
/// An admin shares a profile from its page; a stranger's phone (a fresh browser context: no cookies, no account) opens
/// the link, sees only that profile, and is refused once the admin revokes it; a wrong password and an expired link
/// are refused too.
/// </summary>
public sealed class ShareBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task SharedProfile_OpensOnAStrangersPhone_HoldsOnlyItsProfile_AndStopsWhenRevoked()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (client, _) = await ShareTestData.SeedAsync(app.Database, app.Factory.Services.GetRequiredService<IMediaBlobStore>(), "phone.client." + suffix, "phone.rival." + suffix);
        var admin = await app.NewSignedInPageAsync(browser);
        await admin.GotoAsync($"/profiles/{client}");
        await BrowserFixture.WaitForCircuitAsync(admin);
        await admin.Locator("[data-testid=share-button]").ClickAsync();
        await Expect(admin.Locator("[data-testid=share-dialog]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await admin.Locator("[data-testid=share-create]").ClickAsync();
        var shown = admin.Locator("[data-testid=share-url]");
        await Expect(shown).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(admin, "share-dialog");
        var url = new Uri(await shown.InnerTextAsync());
        var token = url.AbsolutePath["/s/".Length..];

        var phone = await PhoneAsync();
        var response = await phone.GotoAsync(url.PathAndQuery);
        await Expect(phone.Locator("[data-testid=share-title]")).ToHaveTextAsync("@phone.client." + suffix);
        await Expect(phone.Locator("[data-testid=share-figure-followers]")).ToContainTextAsync("1,600");
        await Expect(phone.Locator("[data-testid=share-top-posts] li").First).ToBeVisibleAsync();
        var chartsDrawn = await phone.EvaluateAsync<bool>("() => [...document.querySelectorAll('img.chart')].every(i => i.complete && i.naturalWidth > 0)");
        var fitsTheScreen = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        await BrowserFixture.SaveScreenshotAsync(phone, "share-phone-profile");
        var html = await phone.ContentAsync();

        Assert.Equal(200, response!.Status);
        Assert.True(chartsDrawn, "a chart did not load");
        Assert.True(fitsTheScreen, "the page scrolls sideways on a phone");
        Assert.Empty(await phone.Context.CookiesAsync());
        SharedHtml.AssertHoldsOnly(html, token, "@phone.client." + suffix, ["phone.rival.", "77,777"]);

        // The admin revokes it from the same dialog; the stranger's next load is refused.
        await admin.Locator("[data-testid=revoke-share-link]").First.ClickAsync();
        await Expect(admin.Locator("[data-testid=share-link-state]").First).ToContainTextAsync("revoked", new() { Timeout = Timeout });
        var afterRevoke = await phone.ReloadAsync();
        await Expect(phone.Locator("[data-testid=share-refused]")).ToBeVisibleAsync();
        Assert.Equal(404, afterRevoke!.Status);
        Assert.DoesNotContain("phone.client.", await phone.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordAndExpiry_WrongPasswordAndExpiredLinkAreRefused_RightPasswordOpens()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (client, _) = await ShareTestData.SeedAsync(app.Database, app.Factory.Services.GetRequiredService<IMediaBlobStore>(), "locked.client." + suffix, "locked.rival." + suffix);
        var links = app.Factory.Services.GetRequiredService<ShareLinkService>();
        var locked = (await links.CreateAsync(new ShareLinkInput("profile", client, 7, "phone-password-1"), CancellationToken.None)).Created!;
        var expired = (await links.CreateAsync(new ShareLinkInput("profile", client, 7, null), CancellationToken.None)).Created!;
        await using (var db = app.Database.CreateDbContext())
        {
            await db.Set<ShareLink>().Where(l => l.Id == expired.Link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        var phone = await PhoneAsync();
        await phone.GotoAsync(locked.Path);
        await phone.Locator("[data-testid=share-password]").FillAsync("not-the-password");
        await phone.Locator("[data-testid=share-password-submit]").ClickAsync();
        await Expect(phone.Locator("[data-testid=share-password-error]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(phone, "share-phone-wrong-password");
        var refusedHtml = await phone.ContentAsync();
        await phone.Locator("[data-testid=share-password]").FillAsync("phone-password-1");
        await phone.Locator("[data-testid=share-password-submit]").ClickAsync();
        await Expect(phone.Locator("[data-testid=share-title]")).ToHaveTextAsync("@locked.client." + suffix, new() { Timeout = Timeout });
        var expiredResponse = await phone.GotoAsync(expired.Path);
        await Expect(phone.Locator("[data-testid=share-refused]")).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(phone, "share-phone-expired");

        Assert.DoesNotContain("locked.client.", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(404, expiredResponse!.Status);
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
