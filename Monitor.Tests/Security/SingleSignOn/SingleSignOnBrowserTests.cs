using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Accounts;
using Monitor.Core.Identity;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Monitor.Tests.Security.SingleSignOn;

/// <summary>
/// Sign-in through a real OpenID Connect provider (OpenIddict in a test host) in Chromium: the first sign-in creates the
/// user with the role of their group, a changed group changes the role at the next sign-in, a user outside the mapped
/// groups is refused, and signing out ends the provider's session too.
/// </summary>
public sealed class SingleSignOnBrowserTests(BrowserFixture browser, SingleSignOnAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<SingleSignOnAppFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task FirstSignIn_CreatesViewer_SignOutEndsProviderSession_NextSignInFollowsNewGroup()
    {
        app.Provider.SetUser("ada", SingleSignOnAppFixture.ViewerGroup);
        var page = await browser.NewPageAsync(app.BaseAddress);
        var errors = ConsoleErrors.Watch(page);

        await page.GotoAsync("/settings");
        await Expect(page.Locator("[data-testid=sso-sign-in]")).ToContainTextAsync("Sign in with Test IdP");
        await BrowserFixture.SaveScreenshotAsync(page, "sso-sign-in");
        await SignInAtProviderAsync(page, "ada");
        await Expect(page).ToHaveURLAsync(new Regex("/settings$"), new() { Timeout = Timeout });
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("ada · viewer");
        Assert.Equal([MonitorRoles.Viewer], await RolesOfAsync("ada"));
        Assert.Equal([(WorkspaceDefaults.FirstId, WorkspaceRole.Viewer)], await WorkspacesOfAsync("ada"));

        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=sso-sign-in]")).ToBeVisibleAsync();

        // The provider's session ended with the app's: the next sign-in asks at the provider again.
        app.Provider.SetUser("ada", SingleSignOnAppFixture.AdminGroup);
        var shown = app.Provider.LoginPagesShown;
        await SignInAtProviderAsync(page, "ada");
        Assert.Equal(shown + 1, app.Provider.LoginPagesShown);
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("ada · admin");
        Assert.Equal([MonitorRoles.Admin], await RolesOfAsync("ada"));
        Assert.Single(await AccountsAsync(), u => u.UserName.StartsWith("ada", StringComparison.Ordinal));

        // No password here to change: said so, rather than "the current password is wrong".
        await page.GotoAsync("/account/password");
        await page.Locator("[data-testid=field-CurrentPassword]").FillAsync("anything-at-all-1");
        await page.Locator("[data-testid=field-NewPassword]").FillAsync("a-new-password-1");
        await page.Locator("[data-testid=field-ConfirmPassword]").FillAsync("a-new-password-1");
        await page.Locator("[data-testid=password-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=account-error]")).ToContainTextAsync("single sign-on");
        Assert.Empty(errors.All);
    }

    [Fact]
    public async Task UserOutsideTheMappedGroups_IsRefusedWithAMessage_AndNotCreated()
    {
        app.Provider.SetUser("mallory", "sales");
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/");
        await SignInAtProviderAsync(page, "mallory");

        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?error=sso-no-role"), new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=account-error]")).ToContainTextAsync("none of the groups");
        await BrowserFixture.SaveScreenshotAsync(page, "sso-refused");
        Assert.DoesNotContain(await AccountsAsync(), u => u.UserName.StartsWith("mallory", StringComparison.Ordinal));
        var response = await page.GotoAsync("/");
        Assert.Contains("/account/login", response?.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalSignIn_StillWorksBesideSingleSignOn()
    {
        var page = await app.NewSignedInPageAsync(browser);

        await BrowserFixture.WaitForCircuitAsync(page);

        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(LiveAppFixture.AdminUser);
    }

    /// <summary>From the app's sign-in page through the provider's login page, and back.</summary>
    private async Task SignInAtProviderAsync(IPage page, string userName)
    {
        await page.Locator("[data-testid=sso-sign-in]").ClickAsync();
        await Expect(page.Locator("[data-testid=idp-login]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.Locator("[data-testid=idp-username]").FillAsync(userName);
        await page.Locator("[data-testid=idp-submit]").ClickAsync();
        var appOrigin = app.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        await page.WaitForURLAsync(
            url => url.StartsWith(appOrigin, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal) && !url.Contains("/account/sso", StringComparison.Ordinal),
            new() { Timeout = Timeout });
    }

    private async Task<IList<string>> RolesOfAsync(string userName)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    /// <summary>A user single sign-on creates joins the first workspace as a viewer, as users saw everything before workspaces.</summary>
    private async Task<IEnumerable<(Guid, WorkspaceRole)>> WorkspacesOfAsync(string userName)
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>().FindByNameAsync(userName);
        var roles = await app.Factory.Services.GetRequiredService<WorkspaceService>().RolesOfUserAsync(user!.Id, CancellationToken.None);
        return roles.Select(r => (r.Key, r.Value));
    }

    private Task<IReadOnlyList<UserView>> AccountsAsync() => app.Factory.Services.GetRequiredService<AccountService>().ListAsync(CancellationToken.None);
}
