using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Layout;
using Monitor.Web.Components.Pages.Profiles;
using Monitor.Web.Components.Pages.Workspaces;
using Monitor.Web.Workspaces;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// The workspace switcher, the workspaces page and the roles in components, rendered with bunit over the real Core
/// services (SQLite). A member signs in with their Identity user id, as the cookie would give it; the circuit's scope is
/// filled by the same <see cref="CircuitWorkspace"/> the circuit handler uses.
/// </summary>
public sealed class WorkspaceComponentTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    private WorkspaceService Workspaces => _context.Bunit.Services.GetRequiredService<WorkspaceService>();

    private CircuitWorkspace Circuit => _context.Bunit.Services.GetRequiredService<CircuitWorkspace>();

    private WorkspaceScopeAccessor Ambient => _context.Bunit.Services.GetRequiredService<WorkspaceScopeAccessor>();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task Switcher_MemberOfOneWorkspace_IsHidden()
    {
        EnterCircuit();
        var (a, _) = await TwoWorkspacesAsync();
        await SignInAsMemberAsync("only-a", (a, WorkspaceRole.Editor));

        var switcher = _context.Bunit.Render<WorkspaceSwitcher>();

        Assert.Empty(switcher.FindAll("[data-testid=workspace-switcher]"));
        Assert.Equal(a, Circuit.Scope.CurrentWorkspaceId);
    }

    [Fact]
    public async Task Switcher_MemberOfTwo_ShowsTheCurrentAndSwitchesWithAReload()
    {
        EnterCircuit();
        var (a, b) = await TwoWorkspacesAsync();
        await SignInAsMemberAsync("both", (a, WorkspaceRole.Viewer), (b, WorkspaceRole.Editor), current: a);

        var switcher = _context.Bunit.Render<WorkspaceSwitcher>();
        switcher.WaitForAssertion(() => Assert.Contains("Client A", switcher.Find("[data-testid=workspace-switcher] button").TextContent, StringComparison.Ordinal), Deadline);
        OpenMenu(switcher);
        // The menu's items render in the popover provider.
        _context.Popovers.WaitForAssertion(() => Assert.True(_context.Popovers.FindAll("[data-testid=workspace-choice]").Count == 2, switcher.Markup), Deadline);
        _context.Popovers.FindAll("[data-testid=workspace-choice]").Single(c => c.GetAttribute("data-workspace") == b.ToString()).Click();

        switcher.WaitForAssertion(() => Assert.Equal(b, Circuit.Scope.CurrentWorkspaceId), Deadline);
        Assert.Equal(WorkspaceRole.Editor, Circuit.CurrentRole);
        var remembered = _context.Bunit.JSInterop.VerifyInvoke("monitorWorkspace.remember");
        Assert.Equal(b.ToString(), remembered.Arguments[0]);
        var navigation = _context.Bunit.Services.GetRequiredService<BunitNavigationManager>();
        Assert.True(navigation.History.First().Options.ForceLoad);
    }

    [Fact]
    public async Task Switcher_InstanceAdmin_SeesEveryWorkspace()
    {
        EnterCircuit();
        var (a, b) = await TwoWorkspacesAsync();
        await Circuit.LoadAsync(null, CancellationToken.None);

        var switcher = _context.Bunit.Render<WorkspaceSwitcher>();
        OpenMenu(switcher);

        _context.Popovers.WaitForAssertion(() => Assert.True(_context.Popovers.FindAll("[data-testid=workspace-choice]").Count > 0, switcher.Markup), Deadline);
        var ids = _context.Popovers.FindAll("[data-testid=workspace-choice]").Select(c => Guid.Parse(c.GetAttribute("data-workspace")!)).ToList();
        Assert.Contains(a, ids);
        Assert.Contains(b, ids);
        Assert.Contains(WorkspaceDefaults.FirstId, ids);
    }

    [Fact]
    public async Task WorkspacesPage_InstanceAdmin_CreatesAndSetsABudget()
    {
        EnterCircuit();
        await Circuit.LoadAsync(null, CancellationToken.None);
        var page = _context.Bunit.Render<WorkspacesPage>();
        page.WaitForElement("[data-testid=workspace-row]", Deadline);

        InputOf(page.Find("[data-testid=new-workspace-name]")).Input("Agency client");
        page.Find("[data-testid=create-workspace]").Click();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=workspace-name]"), n => n.TextContent == "Agency client"), Deadline);
        var row = page.FindAll("[data-testid=workspace-row]").Single(r => r.TextContent.Contains("Agency client", StringComparison.Ordinal));
        var id = Guid.Parse(row.GetAttribute("data-workspace")!);
        row.QuerySelector("[data-testid=set-budget]")!.Click();
        InputOf(page.Find("[data-testid=budget-input]")).Change("2500");
        page.Find("[data-testid=budget-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("2,500", page.FindAll("[data-testid=workspace-row]").Single(r => r.GetAttribute("data-workspace") == id.ToString()).TextContent, StringComparison.Ordinal), Deadline);
        var stored = Assert.Single(await Workspaces.ListAsync(new WorkspaceScope(), CancellationToken.None), w => w.Id == id);
        Assert.Equal(2500, stored.MonthlyCreditBudget);
    }

    [Fact]
    public async Task WorkspacesPage_WorkspaceAdmin_AddsAMemberAsEditor_ViewerSeesNoManagement()
    {
        EnterCircuit();
        var (a, _) = await TwoWorkspacesAsync();
        var newcomer = await CreateUserAsync("newcomer");
        await SignInAsMemberAsync("ws-admin", (a, WorkspaceRole.Admin));
        var page = _context.Bunit.Render<WorkspacesPage>();
        page.WaitForElement("[data-testid=workspace-members]", Deadline);
        Assert.Empty(page.FindAll("[data-testid=create-workspace]"));

        await ChooseAsync(page, newcomer);
        await ChooseAsync(page, WorkspaceRole.Editor);
        page.Find("[data-testid=add-member]").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=member-row]"), r => r.TextContent.Contains("newcomer", StringComparison.Ordinal)), Deadline);
        var roles = await Workspaces.RolesOfUserAsync(newcomer, CancellationToken.None);
        Assert.Equal(WorkspaceRole.Editor, roles[a]);

        await SignInAsMemberAsync("ws-viewer", (a, WorkspaceRole.Viewer));
        var viewerPage = _context.Bunit.Render<WorkspacesPage>();
        viewerPage.WaitForAssertion(() => Assert.Contains("viewer", viewerPage.Find("[data-testid=workspace-role]").TextContent, StringComparison.Ordinal), Deadline);
        Assert.Empty(viewerPage.FindAll("[data-testid=workspace-members]"));
        Assert.Empty(viewerPage.FindAll("[data-testid=set-budget]"));
    }

    [Fact]
    public async Task ProfilesPage_ViewerSeesNoChangeButtons_EditorDoes_OtherWorkspaceNotShown()
    {
        EnterCircuit();
        var (a, b) = await TwoWorkspacesAsync();
        var mine = await AddProfileToAsync("client.a", a);
        await AddProfileToAsync("client.b", b);

        await SignInAsMemberAsync("a-viewer", (a, WorkspaceRole.Viewer));
        var viewer = _context.Bunit.Render<ProfilesPage>();
        viewer.WaitForElement("[data-testid=profile-row]", Deadline);
        Assert.Single(viewer.FindAll("[data-testid=profile-row]"));
        Assert.Contains("@client.a", viewer.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("@client.b", viewer.Markup, StringComparison.Ordinal);
        Assert.Empty(viewer.FindAll("[data-testid=add-profile]"));
        Assert.Empty(viewer.FindAll("[data-testid=delete-profile]"));

        await SignInAsMemberAsync("a-editor", (a, WorkspaceRole.Editor));
        var editor = _context.Bunit.Render<ProfilesPage>();
        editor.WaitForElement("[data-testid=delete-profile]", Deadline);
        Assert.Single(editor.FindAll("[data-testid=add-profile]"));
        Assert.DoesNotContain("@client.b", editor.Markup, StringComparison.Ordinal);
        Assert.Equal(mine, Assert.Single(await VisibleProfilesAsync()));
    }

    [Fact]
    public async Task EditorMadeViewerWhileOpen_DeleteIsRefusedOnTheServer()
    {
        EnterCircuit();
        var (a, _) = await TwoWorkspacesAsync();
        var profile = await AddProfileToAsync("kept.a", a);
        var userId = await SignInAsMemberAsync("demoted", (a, WorkspaceRole.Editor));
        var page = _context.Bunit.Render<ProfilesPage>();
        page.WaitForElement("[data-testid=delete-profile]", Deadline);

        // Another admin makes them a viewer; the button is still on their page.
        Assert.True((await Workspaces.SetMemberAsync(new WorkspaceScope(), a, userId, WorkspaceRole.Viewer, CancellationToken.None)).Succeeded);
        page.Find("[data-testid=delete-profile]").Click();

        _context.Snackbars.WaitForAssertion(() => Assert.Contains(
            "Could not delete @kept.a: Only an editor or admin of this workspace can do this; you are a viewer here.", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        Assert.True(await db.Profiles.IgnoreQueryFilters().AnyAsync(p => p.Id == profile));
    }

    /// <summary>Picks a value in the page's MudSelect of that type, as choosing it in its list does (the list is JS-driven).</summary>
    private static Task ChooseAsync<T>(IRenderedComponent<WorkspacesPage> page, T value)
    {
        var select = page.FindComponents<MudBlazor.MudSelect<T>>()[0];
        return page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static void OpenMenu(IRenderedComponent<WorkspaceSwitcher> switcher) => switcher.Find("[data-testid=workspace-switcher] button").Click();

    private static AngleSharp.Dom.IElement InputOf(AngleSharp.Dom.IElement element) =>
        element.TagName == "INPUT" ? element : element.QuerySelector("input")!;

    private async Task<(Guid A, Guid B)> TwoWorkspacesAsync()
    {
        Ambient.Current = null; // set-up work, unrestricted; an async method's change ends with it
        var admin = new WorkspaceScope();
        var a = await Workspaces.CreateAsync(admin, new WorkspaceInput("Client A", null), CancellationToken.None);
        var b = await Workspaces.CreateAsync(admin, new WorkspaceInput("Client B", null), CancellationToken.None);
        Assert.True(a.Succeeded && b.Succeeded, a.Message ?? b.Message);
        return (a.Value!.Id, b.Value!.Id);
    }

    private async Task<string> CreateUserAsync(string userName)
    {
        Ambient.Current = null; // set-up work, unrestricted; an async method's change ends with it
        var accounts = _context.Bunit.Services.GetRequiredService<AccountService>();
        Assert.True((await accounts.CreateAsync(userName, "member-password-1", MonitorRoles.Viewer, CancellationToken.None)).Succeeded);
        return (await accounts.ListAsync(CancellationToken.None)).Single(u => u.UserName == userName).Id;
    }

    /// <summary>
    /// What the circuit handler does for each inbound activity: the circuit's scope becomes the ambient one that restricts
    /// every database context. Synchronous, so the test method's own flow keeps it (an async method's change would end with it).
    /// </summary>
    private void EnterCircuit() => Ambient.Current = Circuit.Scope;

    /// <summary>Signs the circuit in as a new member of the given workspaces and fills its scope, as the circuit handler would.</summary>
    private async Task<string> SignInAsMemberAsync(string userName, params (Guid Workspace, WorkspaceRole Role)[] memberships) =>
        await SignInAsMemberAsync(userName, null, memberships);

    private async Task<string> SignInAsMemberAsync(string userName, (Guid Workspace, WorkspaceRole Role) first, (Guid Workspace, WorkspaceRole Role) second, Guid current) =>
        await SignInAsMemberAsync(userName, current, [first, second]);

    private async Task<string> SignInAsMemberAsync(string userName, Guid? current, (Guid Workspace, WorkspaceRole Role)[] memberships)
    {
        Ambient.Current = null; // set-up work, unrestricted; an async method's change ends with it
        var userId = await CreateUserAsync(userName);
        foreach (var (workspace, role) in memberships)
        {
            Assert.True((await Workspaces.SetMemberAsync(new WorkspaceScope(), workspace, userId, role, CancellationToken.None)).Succeeded);
        }

        _context.Authorization.SetAuthorized(userName);
        _context.Authorization.SetRoles(MonitorRoles.Viewer);
        _context.Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        await Circuit.LoadAsync(current, CancellationToken.None);
        return userId;
    }

    private async Task<Guid> AddProfileToAsync(string handle, Guid workspace)
    {
        Ambient.Current = null; // set-up work, unrestricted; an async method's change ends with it
        var profile = await _context.AddProfileAsync(handle);
        await Workspaces.LinkProfileAsync(workspace, profile.Id, CancellationToken.None);
        foreach (var other in await Workspaces.WorkspacesOfProfileAsync(profile.Id, CancellationToken.None))
        {
            if (other != workspace)
            {
                await Workspaces.UnlinkProfileAsync(other, profile.Id, CancellationToken.None);
            }
        }

        return profile.Id;
    }

    private async Task<IReadOnlySet<Guid>> VisibleProfilesAsync() =>
        await Workspaces.VisibleProfileIdsAsync(Circuit.Scope, CancellationToken.None);
}
