using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Accounts;
using Monitor.Core.Audit;
using Monitor.Tests.Browser;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Audit;

/// <summary>
/// Changes made in the dashboard, in Chromium over a real connection, are recorded with the signed-in user as actor
/// and the client's address as source; the /audit page shows them to an admin and nothing to a viewer.
/// </summary>
public sealed class AuditBrowserTests(BrowserFixture browser, DashboardAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<DashboardAppFixture>
{
    private const float Timeout = 30_000;
    private const string Handle = "audit.ui";

    [Fact]
    public async Task DashboardChanges_AreRecordedWithTheUser_AndShownOnTheAuditPage()
    {
        var page = await app.NewSignedInPageAsync(browser);
        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.Locator("[data-testid=add-profile]").ClickAsync();
        await page.Locator("[data-testid=handle-input]").FillAsync("@" + Handle);
        await page.Locator("[data-testid=add-profile-submit]").ClickAsync();
        var link = page.Locator("[data-testid=profile-link]", new() { HasText = "@" + Handle });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = Timeout });

        await link.ClickAsync();
        await Expect(page.Locator("[data-testid=update-now]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.Locator("input[data-testid=monitor-switch], [data-testid=monitor-switch] input").First.ClickAsync(new() { Force = true });
        await Expect(page.GetByText($"Monitoring disabled for @{Handle}")).ToBeVisibleAsync(new() { Timeout = Timeout });

        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        var row = page.Locator("tr", new() { Has = page.Locator("[data-testid=profile-link]", new() { HasText = "@" + Handle }) });
        await row.Locator("[data-testid=delete-profile]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText($"Deleted @{Handle}")).ToBeVisibleAsync(new() { Timeout = Timeout });

        var queries = app.Factory.Services.GetRequiredService<AuditLogQueries>();
        var entries = (await queries.ListAsync(new AuditLogQuery(Target: "@" + Handle), CancellationToken.None)).Items;
        var signIn = (await queries.ListAsync(new AuditLogQuery(Action: AuditActions.SignInSucceeded), CancellationToken.None)).Items;

        Assert.Equal([AuditActions.ProfileDeleted, AuditActions.MonitoringChanged, AuditActions.ProfileAdded], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((AuditActorKind.User, LiveAppFixture.AdminUser, "127.0.0.1"), (e.ActorKind, e.ActorName, e.SourceAddress)));
        Assert.Contains("\"monitoringEnabled\":false", entries[1].NewValues, StringComparison.Ordinal);
        Assert.Contains(signIn, e => e.ActorName == LiveAppFixture.AdminUser && e.SourceAddress == "127.0.0.1");

        await page.GotoAsync("/audit");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=audit-row]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=nav-audit]")).ToBeVisibleAsync();
        var monitoringRow = page.Locator("[data-testid=audit-row]", new() { HasText = AuditActions.MonitoringChanged });
        await monitoringRow.Locator("[data-testid=audit-expand]").ClickAsync();
        await Expect(page.Locator("[data-testid=audit-diff]")).ToContainTextAsync("monitoringEnabled");
        await BrowserFixture.SaveScreenshotAsync(page, "audit-log");
    }

    [Fact]
    public async Task Viewer_HasNoNavEntry_AndThePageShowsNothing()
    {
        var accounts = app.Factory.Services.GetRequiredService<AccountService>();
        Assert.True((await accounts.CreateAsync("audit-viewer", "viewer-password-1", MonitorRoles.Viewer, CancellationToken.None)).Succeeded);
        var page = await app.NewSignedInPageAsync(browser, "audit-viewer", "viewer-password-1");

        await page.GotoAsync("/audit");
        await BrowserFixture.WaitForCircuitAsync(page);

        await Expect(page.Locator("[data-testid=audit-admin-only]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=audit-row]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=nav-audit]")).ToHaveCountAsync(0);
        await BrowserFixture.SaveScreenshotAsync(page, "audit-viewer");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
