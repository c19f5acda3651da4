using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Accounts;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security;

/// <summary>Sign-in, keys and the viewer role in Chromium, with the Content-Security-Policy enforced by a real browser.</summary>
public sealed class SecurityBrowserTests(BrowserFixture browser, LiveAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<LiveAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task SignIn_ThenKeys_NoConsoleErrors_CircuitAndMudBlazorWork()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        var errors = ConsoleErrors.Watch(page);

        await page.GotoAsync("/settings");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2Fsettings"));
        await BrowserFixture.SaveScreenshotAsync(page, "security-sign-in");
        await page.Locator("[data-testid=field-UserName]").FillAsync(LiveAppFixture.AdminUser);
        await page.Locator("[data-testid=field-Password]").FillAsync("wrong-password-0");
        await page.Locator("[data-testid=sign-in-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=account-error]")).ToContainTextAsync("Wrong user name or password");
        await BrowserFixture.SaveScreenshotAsync(page, "security-sign-in-error");
        await page.Locator("[data-testid=field-UserName]").FillAsync(LiveAppFixture.AdminUser);
        await page.Locator("[data-testid=field-Password]").FillAsync(LiveAppFixture.AdminPassword);
        await page.Locator("[data-testid=sign-in-submit]").ClickAsync();

        // Back on Settings, interactive: create a key, see it once.
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(LiveAppFixture.AdminUser);
        await page.Locator("input[data-testid=new-key-name], [data-testid=new-key-name] input").First.FillAsync("browser key");
        await page.Locator("[data-testid=create-key]").ClickAsync();
        var shown = page.Locator("[data-testid=new-key-value]");
        await Expect(shown).ToBeVisibleAsync(new() { Timeout = Timeout });
        var plain = await shown.InnerTextAsync();
        Assert.StartsWith("tpm_", plain, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=key-row]", new() { HasText = "browser key" })).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "security-settings-keys");

        // Never again: not after a reload, not in the prerendered HTML.
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=key-row]", new() { HasText = "browser key" })).ToBeVisibleAsync(new() { Timeout = Timeout });
        Assert.DoesNotContain(plain, await page.ContentAsync(), StringComparison.Ordinal);

        // MudBlazor's script-driven parts work under the policy: a dialog opens on the profiles page.
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=add-profile]").ClickAsync();
        await Expect(page.Locator("[data-testid=handle-input]")).ToBeVisibleAsync(new() { Timeout = Timeout });

        Assert.Empty(errors.All);
    }

    [Fact]
    public async Task Viewer_SeesNoChangingControls()
    {
        var accounts = app.Factory.Services.GetRequiredService<AccountService>();
        Assert.True((await accounts.CreateAsync("browser-viewer", "viewer-password-1", MonitorRoles.Viewer, CancellationToken.None)).Succeeded);
        var viewerId = (await accounts.ListAsync(CancellationToken.None)).Single(u => u.UserName == "browser-viewer").Id;
        var member = await app.Factory.Services.GetRequiredService<WorkspaceService>()
            .SetMemberAsync(new WorkspaceScope(), WorkspaceDefaults.FirstId, viewerId, WorkspaceRole.Viewer, CancellationToken.None);
        Assert.True(member.Succeeded, member.Message);
        var profileId = await AddProfileAsync("viewer.sees");
        var page = await app.NewSignedInPageAsync(browser, "browser-viewer", "viewer-password-1");
        var errors = ConsoleErrors.Watch(page);

        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=profile-link]", new() { HasText = "@viewer.sees" })).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("viewer");
        await Expect(page.Locator("[data-testid=add-profile]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=delete-profile]")).ToHaveCountAsync(0);
        await Expect(page.Locator("input[data-testid=monitor-switch], [data-testid=monitor-switch] input").First).ToBeDisabledAsync();

        await page.GotoAsync($"/profiles/{profileId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=profile-handle]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=update-now]")).ToHaveCountAsync(0);

        await page.GotoAsync("/monitoring");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=run-sweep]")).ToHaveCountAsync(0);

        await page.GotoAsync("/settings");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=keys-admin-only]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=api-keys]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=users]")).ToHaveCountAsync(0);
        await BrowserFixture.SaveScreenshotAsync(page, "security-settings-viewer");
        Assert.Empty(errors.All);
    }

    [Fact]
    public async Task SignOut_FromTheAppBar_EndsTheSession()
    {
        var page = await app.NewSignedInPageAsync(browser);
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.Locator("[data-testid=sign-out]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = Timeout });
        await page.GotoAsync("/monitoring");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2Fmonitoring"));
    }

    [Fact]
    public async Task ApiReference_SignedIn_RendersUnderItsPolicy()
    {
        var page = await app.NewSignedInPageAsync(browser);
        var errors = ConsoleErrors.Watch(page);

        await page.GotoAsync("/api-reference/");

        await Expect(page.GetByText("TikTok Profile Monitor API").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "security-api-reference");
        Assert.DoesNotContain(errors.All, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<Guid> AddProfileAsync(string handle)
    {
        await using var db = app.Database.CreateDbContext();
        var profile = new TiktokProfile { Handle = handle, Nickname = handle, MonitoringEnabled = true, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = profile.Id, AddedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        Assert.True(await db.Profiles.AnyAsync(p => p.Id == profile.Id));
        return profile.Id;
    }

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
