using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Share;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Share;

namespace Monitor.Tests.Share;

/// <summary>The Share button and dialog in bunit with the real services: admins make and revoke links, viewers see no button.</summary>
public sealed class ShareComponentsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task ShareButton_ForAViewer_IsNotShown()
    {
        var profile = await _context.AddProfileAsync("viewer.share");
        _context.Authorization.SetRoles(MonitorRoles.Viewer);

        var button = _context.Bunit.Render<ShareButton>(p => p
            .Add(x => x.Kind, ShareTargetKind.Profile).Add(x => x.TargetId, profile.Id).Add(x => x.Label, "@viewer.share"));

        Assert.Empty(button.FindAll("[data-testid=share-button]"));
    }

    [Fact]
    public async Task ShareDialog_ForAnAdmin_ShowsTheUrlOnce_ListsTheLink_AndRevokesIt()
    {
        var profile = await _context.AddProfileAsync("admin.share");
        var button = _context.Bunit.Render<ShareButton>(p => p
            .Add(x => x.Kind, ShareTargetKind.Profile).Add(x => x.TargetId, profile.Id).Add(x => x.Label, "@admin.share"));

        await button.Find("[data-testid=share-button]").ClickAsync(new());
        var dialogs = _context.Dialogs;
        dialogs.WaitForElement("[data-testid=share-create]", Deadline);
        await dialogs.Find("[data-testid=share-create]").ClickAsync(new());
        var url = dialogs.WaitForElement("[data-testid=share-url]", Deadline).TextContent;
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=share-link-row]")), Deadline);
        await dialogs.Find("[data-testid=revoke-share-link]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("revoked", dialogs.Find("[data-testid=share-link-state]").TextContent, StringComparison.Ordinal), Deadline);

        Assert.Matches("/s/[A-Za-z0-9_-]{43}$", url);
        Assert.Equal("revoked", Assert.Single(await _context.Bunit.Services.GetRequiredService<ShareLinkService>()
            .ListAsync(ShareTargetKind.Profile, profile.Id, CancellationToken.None)).State);
    }
}
