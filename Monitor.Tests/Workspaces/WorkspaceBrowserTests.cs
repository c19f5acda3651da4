using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Accounts;
using Monitor.Core.Catalog;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// The agency case in Chromium: two clients in two workspaces on one instance, each client's viewer sees only their own
/// profiles, in the page the server first sends and in the live page; at phone width too.
/// </summary>
public sealed class WorkspaceBrowserTests(BrowserFixture browser, LiveAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<LiveAppFixture>
{
    private const float Timeout = 30_000;
    private const string Password = "client-password-1";

    [Fact]
    public async Task TwoClientsInTwoWorkspaces_EachViewerSeesOnlyTheirOwnProfiles()
    {
        var workspaces = app.Factory.Services.GetRequiredService<WorkspaceService>();
        var a = await CreateWorkspaceAsync(workspaces, "Client A");
        var b = await CreateWorkspaceAsync(workspaces, "Client B");
        var profileOfA = await AddProfileAsync(workspaces, "client.a.shoes", a);
        var profileOfB = await AddProfileAsync(workspaces, "client.b.drinks", b);
        await AddViewerAsync(workspaces, "viewer-a", a);
        await AddViewerAsync(workspaces, "viewer-b", b);

        foreach (var (user, own, other, otherId, shot) in new[]
        {
            ("viewer-a", "client.a.shoes", "client.b.drinks", profileOfB, "workspaces-viewer-a-phone"),
            ("viewer-b", "client.b.drinks", "client.a.shoes", profileOfA, "workspaces-viewer-b-phone"),
        })
        {
            var page = await app.NewSignedInPageAsync(browser, user, Password);
            await page.SetViewportSizeAsync(390, 844);

            // The other client's profile page, as the server first renders it and live: not found.
            var response = await page.GotoAsync($"/profiles/{otherId}");
            Assert.DoesNotContain("@" + other, await response!.TextAsync(), StringComparison.Ordinal);
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=profile-handle]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByText("@" + other)).ToHaveCountAsync(0);

            await page.GotoAsync("/profiles");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=profile-link]", new() { HasText = "@" + own })).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=profile-row]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByText("@" + other)).ToHaveCountAsync(0);
            // One workspace each: no switcher, and the role of their membership.
            await Assertions.Expect(page.Locator("[data-testid=workspace-switcher]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=add-profile]")).ToHaveCountAsync(0);
            await BrowserFixture.SaveScreenshotAsync(page, shot);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task InstanceAdmin_SwitchesWorkspace_AndThePageShowsItsProfilesAtPhoneWidth()
    {
        var workspaces = app.Factory.Services.GetRequiredService<WorkspaceService>();
        var c = await CreateWorkspaceAsync(workspaces, "Client C");
        await AddProfileAsync(workspaces, "client.c.only", c);
        var page = await app.NewSignedInPageAsync(browser);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/settings/workspaces");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=workspace-row]", new() { HasText = "Client C" })).ToBeVisibleAsync(new() { Timeout = Timeout });

        await page.Locator("[data-testid=workspace-switcher] button").ClickAsync();
        await page.Locator("[data-testid=workspace-choice]", new() { HasText = "Client C" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=workspace-switcher] button")).ToContainTextAsync("Client C", new() { Timeout = Timeout });
        await BrowserFixture.WaitForCircuitAsync(page);
        await BrowserFixture.SaveScreenshotAsync(page, "workspaces-page-phone");
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, k => k.Name == Monitor.Web.Workspaces.WorkspaceScopeMiddleware.CookieName && k.Value == c.ToString());
    }

    private static async Task<Guid> CreateWorkspaceAsync(WorkspaceService workspaces, string name)
    {
        var existing = (await workspaces.ListAsync(new WorkspaceScope(), CancellationToken.None)).FirstOrDefault(w => w.Name == name);
        if (existing is not null)
        {
            return existing.Id;
        }

        var created = await workspaces.CreateAsync(new WorkspaceScope(), new WorkspaceInput(name, null), CancellationToken.None);
        Assert.True(created.Succeeded, created.Message);
        return created.Value!.Id;
    }

    private async Task AddViewerAsync(WorkspaceService workspaces, string userName, Guid workspace)
    {
        var accounts = app.Factory.Services.GetRequiredService<AccountService>();
        Assert.True((await accounts.CreateAsync(userName, Password, MonitorRoles.Viewer, CancellationToken.None)).Succeeded);
        var id = (await accounts.ListAsync(CancellationToken.None)).Single(u => u.UserName == userName).Id;
        Assert.True((await workspaces.SetMemberAsync(new WorkspaceScope(), workspace, id, WorkspaceRole.Viewer, CancellationToken.None)).Succeeded);
    }

    /// <summary>A profile this workspace alone holds (an unscoped add puts it in the first workspace, which lets go of it).</summary>
    private async Task<Guid> AddProfileAsync(WorkspaceService workspaces, string handle, Guid workspace)
    {
        var added = await app.Factory.Services.GetRequiredService<ProfileService>().AddAsync(handle, false, CancellationToken.None);
        var id = added.Profile!.Id;
        await workspaces.LinkProfileAsync(workspace, id, CancellationToken.None);
        foreach (var other in await workspaces.WorkspacesOfProfileAsync(id, CancellationToken.None))
        {
            if (other != workspace)
            {
                await workspaces.UnlinkProfileAsync(other, id, CancellationToken.None);
            }
        }

        return id;
    }
}
