using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Catalog;
using Monitor.Core.Groups;
using Monitor.Core.Workspaces;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Groups;
using MudBlazor;

namespace Monitor.Tests.Groups;

/// <summary>The members panel, for an instance admin who sees every workspace's profiles: one outside the group's workspace is refused with the reason.</summary>
public sealed class GroupMembersPanelWorkspaceTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task Add_ProfileOfAnotherWorkspace_ToastsTheReason_AndTheGroupStaysEmpty()
    {
        var services = _context.Bunit.Services;
        var workspaces = services.GetRequiredService<WorkspaceService>();
        var other = (await workspaces.CreateAsync(new WorkspaceScope(), new WorkspaceInput("Elsewhere", null), CancellationToken.None)).Value!.Id;
        var profile = await _context.AddProfileAsync("elsewhere.only");
        await workspaces.LinkProfileAsync(other, profile.Id, CancellationToken.None);
        await workspaces.UnlinkProfileAsync(WorkspaceDefaults.FirstId, profile.Id, CancellationToken.None);
        var group = (await services.GetRequiredService<GroupService>().CreateAsync("First's group", null, CancellationToken.None)).Group!;
        var offered = (await services.GetRequiredService<ProfileService>().ListAsync(new ProfileListQuery(Search: "elsewhere"), CancellationToken.None)).Items.Single();
        var panel = _context.Bunit.Render<GroupMembersPanel>(p => p.Add(x => x.Group, group));

        var autocomplete = panel.FindComponent<MudAutocomplete<ProfileListItem>>();
        await panel.InvokeAsync(() => autocomplete.Instance.ValueChanged.InvokeAsync(offered));

        _context.Snackbars.WaitForAssertion(() => Assert.Contains(
            "Could not add @elsewhere.only: @elsewhere.only is not watched by the workspace of \"First's group\"", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
        Assert.Empty((await services.GetRequiredService<GroupService>().GetAsync(group.Id, CancellationToken.None))!.Members);
    }
}
